package io.sightline.api;

import java.time.Instant;

/**
 * A resumable upload in progress.
 *
 * @param partSize the size every part but the last must have, in bytes
 * @param state    {@code open}, {@code completed} or {@code aborted}
 * @param videoId  set once the upload is completed
 */
public record MultipartUpload(String uploadId, String filename, String folderId, long partSize, String state,
                              String videoId, Instant createdAt, Instant expiresAt) {}
