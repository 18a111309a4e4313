package io.sightline.vision.ocr;

import java.util.List;

/**
 * Greedy CTC decoding over PP-OCR's alphabet: class 0 is the blank, classes 1..n are the lines
 * of the keys file, and the class after them is a space.
 */
final class CtcDecoder {
    record Decoded(String text, double confidence) {}

    private final List<String> keys;

    CtcDecoder(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    int classes() {
        return keys.size() + 2;
    }

    /** Decodes {@code steps} time steps of class probabilities starting at {@code offset}. */
    Decoded decode(float[] probabilities, int offset, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        double confidenceSum = 0;
        int kept = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int best = 0;
            float bestP = probabilities[base];
            for (int c = 1; c < classes; c++) {
                if (probabilities[base + c] > bestP) {
                    bestP = probabilities[base + c];
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(best <= keys.size() ? keys.get(best - 1) : " ");
                confidenceSum += bestP;
                kept++;
            }
            previous = best;
        }
        return new Decoded(text.toString(), kept == 0 ? 0 : confidenceSum / kept);
    }
}
