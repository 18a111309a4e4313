package io.sightline.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where video bytes and derived files live. Keys are relative slash-separated paths such as
 * {@code videos/v_x/source}; callers never build them from user input.
 */
public interface BlobStore {

    /** What a write stored. */
    record Stored(long size, String sha256) {}

    /**
     * Streams {@code in} to {@code key} atomically: readers see the old blob or the whole new one,
     * never a part. At most {@code maxBytes} are accepted; more throws {@link TooLarge} and stores nothing.
     */
    Stored write(String key, InputStream in, long maxBytes) throws IOException;

    Optional<InputStream> read(String key) throws IOException;

    boolean exists(String key);

    long size(String key) throws IOException;

    /** Deletes the blob or, for a prefix ending in {@code /}, everything under it. Missing keys are fine. */
    void delete(String keyOrPrefix) throws IOException;

    /**
     * A local file path for tools that need one (ffmpeg). For the filesystem store this is the
     * blob itself; remote stores materialise a cached copy.
     */
    Path localPath(String key);

    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
