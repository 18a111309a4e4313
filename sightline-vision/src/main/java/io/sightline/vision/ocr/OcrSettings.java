package io.sightline.vision.ocr;

/**
 * Knobs of the PP-OCR pipeline; {@link #defaults()} are PaddleOCR's own defaults.
 *
 * @param maxSide          the longer side of the frame is scaled down to this for text detection
 * @param binaryThreshold  probability above which a pixel of the detection map counts as text
 * @param boxThreshold     mean probability a text box needs to be kept
 * @param unclipRatio      how far a detected text kernel is grown back to the full text box
 * @param minConfidence    recognised lines below this mean character probability are dropped
 */
public record OcrSettings(int maxSide, double binaryThreshold, double boxThreshold, double unclipRatio, double minConfidence) {
    public static OcrSettings defaults() {
        return new OcrSettings(960, 0.3, 0.6, 1.5, 0.5);
    }
}
