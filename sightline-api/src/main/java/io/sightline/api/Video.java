package io.sightline.api;

import java.time.Instant;

/**
 * A video and what is known about it.
 *
 * @param media    null until the probe step has run
 * @param metadata the validated sidecar, or null when none was uploaded
 */
public record Video(String id, String name, String folderId, String ownerId, VideoStatus status,
                    long sizeBytes, String contentType, Instant createdAt, Instant updatedAt,
                    MediaInfo media, VideoMetadata metadata) {}
