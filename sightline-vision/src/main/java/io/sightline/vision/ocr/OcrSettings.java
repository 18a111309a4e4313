package io.sightline.vision.ocr;

/**
 * Knobs of the PP-OCR pipeline; {@link #defaults()} are PaddleOCR's own defaults, with one thread.
 *
 * @param maxSide          the longer side of the frame is scaled down to this for text detection
 * @param binaryThreshold  probability above which a pixel of the detection map counts as text
 * @param boxThreshold     mean probability a text box needs to be kept
 * @param unclipRatio      how far a detected text kernel is grown back to the full text box
 * @param minConfidence    recognised lines below this mean character probability are dropped
 * @param threads          threads one inference may use. One by default: perception reads text on a thread
 *                         of its own beside detection and ego-motion, where more only contend; a reader
 *                         that runs alone on an idle machine reads a whole frame about 1.7× faster with two
 */
public record OcrSettings(int maxSide, double binaryThreshold, double boxThreshold, double unclipRatio, double minConfidence, int threads) {
    public OcrSettings {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }

    public static OcrSettings defaults() {
        return new OcrSettings(960, 0.3, 0.6, 1.5, 0.5, 1);
    }

    public OcrSettings withThreads(int newThreads) {
        return new OcrSettings(maxSide, binaryThreshold, boxThreshold, unclipRatio, minConfidence, newThreads);
    }
}
