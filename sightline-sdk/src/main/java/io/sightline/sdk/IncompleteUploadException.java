package io.sightline.sdk;

/**
 * A resumable upload failed and was kept on the server because the caller asked for it
 * ({@link UploadParams.Builder#keepOnFailure}); pass {@link #uploadId()} to
 * {@link UploadService#resume} to finish it. The cause is the failure itself.
 */
public class IncompleteUploadException extends SightlineException {
    private final String uploadId;

    public IncompleteUploadException(String uploadId, Throwable cause) {
        super("upload " + uploadId + " is incomplete and kept for resume: " + cause.getMessage(), cause);
        this.uploadId = uploadId;
    }

    public String uploadId() {
        return uploadId;
    }
}
