package io.sightline.api;

import java.time.Instant;

/** A stored part of a resumable upload, with the SHA-256 of its bytes as hex. */
public record UploadPart(int partNumber, long size, String sha256, Instant uploadedAt) {}
