package io.sightline.detector;

/**
 * Tunables shared by the detectors.
 *
 * @param scoreThreshold  detections below this confidence are dropped. Low on purpose: CenterNet's
 *                        scores for real objects sit between 0.3 and 0.7, and a tracker confirms
 *                        weak detections over time better than a high per-frame cut can
 * @param iouThreshold    same-class boxes overlapping more than this are one object
 * @param mergeIouThreshold boxes of easily confused classes (car/truck/bus, bicycle/motorcycle)
 *                        overlapping more than this are one object with the better label
 * @param fit             how a frame is fitted into the square model input; letterbox by default,
 *                        as CenterNet was trained on aspect-preserving crops and found clearly
 *                        more of the labelled objects that way (see the module README)
 * @param threads         threads one inference may use. One by default: perception detects on a thread
 *                        of its own beside OCR and ego-motion, and on two cores a second inference thread
 *                        only contends with those (the whole pipeline ran slower with two)
 */
public record DetectorSettings(double scoreThreshold, double iouThreshold, double mergeIouThreshold, Fit fit, int threads) {
    public static final double DEFAULT_SCORE_THRESHOLD = 0.3;

    public DetectorSettings {
        if (scoreThreshold < 0 || scoreThreshold > 1) throw new IllegalArgumentException("score threshold out of 0-1: " + scoreThreshold);
        if (iouThreshold <= 0 || iouThreshold > 1) throw new IllegalArgumentException("IoU threshold out of (0,1]: " + iouThreshold);
        if (mergeIouThreshold <= 0 || mergeIouThreshold > 1) throw new IllegalArgumentException("merge IoU threshold out of (0,1]: " + mergeIouThreshold);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(DEFAULT_SCORE_THRESHOLD, 0.5, 0.7, Fit.LETTERBOX, 1);
    }

    public DetectorSettings withScoreThreshold(double threshold) {
        return new DetectorSettings(threshold, iouThreshold, mergeIouThreshold, fit, threads);
    }

    public DetectorSettings withFit(Fit newFit) {
        return new DetectorSettings(scoreThreshold, iouThreshold, mergeIouThreshold, newFit, threads);
    }

    public DetectorSettings withThreads(int newThreads) {
        return new DetectorSettings(scoreThreshold, iouThreshold, mergeIouThreshold, fit, newThreads);
    }
}
