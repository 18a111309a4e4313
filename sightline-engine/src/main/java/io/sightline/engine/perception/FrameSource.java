package io.sightline.engine.perception;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Decodes a video into sampled, scaled frames. */
public interface FrameSource {

    /**
     * Starts decoding {@code video} at {@code fps} frames per second, each frame scaled down (never
     * up) to at most {@code maxWidth} pixels wide, upright (rotation metadata applied).
     */
    Frames open(Path video, double fps, int maxWidth);

    /** Frames in presentation order; closing stops the decoder. */
    interface Frames extends AutoCloseable {
        /** The next frame, empty at the end of the video. */
        Optional<VideoFrame> next();

        /** Duration of the video in seconds, NaN when the container does not say. */
        double durationSeconds();

        /** What the decoder reported while decoding (corrupt frames skipped and the like), so far. */
        List<String> warnings();

        @Override
        void close();
    }
}
