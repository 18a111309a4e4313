package io.sightline.sdk;

/**
 * Told how much of a file has been sent. Called often, possibly from several threads at once
 * when parts go up in parallel (calls are serialised by the SDK), with {@code bytesSent} never
 * decreasing; the last call has {@code bytesSent == totalBytes}.
 */
@FunctionalInterface
public interface UploadProgress {
    void update(long bytesSent, long totalBytes);

    static UploadProgress none() {
        return (bytesSent, totalBytes) -> {};
    }
}
