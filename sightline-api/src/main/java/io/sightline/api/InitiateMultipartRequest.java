package io.sightline.api;

/**
 * Starts a resumable upload.
 *
 * @param folder           folder name (created if missing) in {@code scope}; both optional: default is the personal folder
 * @param folderId         an existing folder instead of {@code folder} + {@code scope}
 * @param metadata         the sidecar, optional
 * @param metadataFilename the sidecar's file name; must share the video's base name
 */
public record InitiateMultipartRequest(String filename, String contentType, String folder, Scope scope,
                                       String folderId, VideoMetadata metadata, String metadataFilename) {}
