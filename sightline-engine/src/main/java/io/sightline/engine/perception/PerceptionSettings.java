package io.sightline.engine.perception;

/**
 * How a video is sampled and summarised.
 *
 * @param fps                 frames per second decoded and run through detection, tracking, ego-motion and scene
 * @param maxWidth            frames are scaled down to at most this width (the detector works at 512 anyway;
 *                            overlay text needs a little more)
 * @param segmentSeconds      length of a segment
 * @param fullFrameOcrSeconds a whole frame is read (finding overlays and scene text) every this many seconds
 * @param overlayReadSeconds  known overlay regions are re-read every this many seconds: cheap, small crops
 */
public record PerceptionSettings(double fps, int maxWidth, double segmentSeconds, double fullFrameOcrSeconds, double overlayReadSeconds) {
    public PerceptionSettings {
        if (fps <= 0 || segmentSeconds <= 0 || fullFrameOcrSeconds <= 0 || overlayReadSeconds <= 0) {
            throw new IllegalArgumentException("rates and lengths must be positive");
        }
        if (maxWidth < 64) throw new IllegalArgumentException("maxWidth must be at least 64");
    }

    /**
     * 2 fps at up to 768 px, 2 s segments, a whole-frame read every 5 s and overlay reads every 2 s
     * (one per segment). OCR is the dearest stage: on a 60 s 720p video, reading overlays every
     * second and whole frames every 4 s took 10 of the 13 s perception needed without a detector.
     */
    public static PerceptionSettings defaults() {
        return new PerceptionSettings(2, 768, 2, 5, 2);
    }

    public PerceptionSettings withFps(double newFps) {
        return new PerceptionSettings(newFps, maxWidth, segmentSeconds, fullFrameOcrSeconds, overlayReadSeconds);
    }

    public PerceptionSettings withSegmentSeconds(double seconds) {
        return new PerceptionSettings(fps, maxWidth, seconds, fullFrameOcrSeconds, overlayReadSeconds);
    }
}
