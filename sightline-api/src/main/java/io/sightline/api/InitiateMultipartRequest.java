package io.sightline.api;

/**
 * Starts a resumable upload.
 *
 * @param folder           folder name (created if missing) in {@code scope}; both optional: default is the personal folder
 * @param folderId         an existing folder instead of {@code folder} + {@code scope}
 * @param metadata         the sidecar, optional
 * @param metadataFilename the sidecar's file name; must share the video's base name
 * @param name             display name of the video; defaults to {@code filename}
 */
public record InitiateMultipartRequest(String filename, String contentType, String folder, Scope scope,
                                       String folderId, VideoMetadata metadata, String metadataFilename, String name) {

    public InitiateMultipartRequest(String filename, String contentType, String folder, Scope scope,
                                    String folderId, VideoMetadata metadata, String metadataFilename) {
        this(filename, contentType, folder, scope, folderId, metadata, metadataFilename, null);
    }
}
