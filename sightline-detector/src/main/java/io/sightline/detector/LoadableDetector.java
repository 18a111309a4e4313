package io.sightline.detector;

import io.sightline.vision.detect.ObjectDetector;

/** An {@link ObjectDetector} whose model can be brought up ahead of the first frame. */
public interface LoadableDetector extends ObjectDetector {
    /** Fetches, converts or reads the cached graph, imports it and runs one warm-up inference; idempotent. */
    ModelLoad load();

    DetectorSettings settings();
}
