package io.sightline.vision.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Differentiable-binarisation post-processing: thresholds the text probability map, takes each
 * connected component as a text kernel, scores it, and grows ("unclips") it back to the full text
 * box. Boxes are axis-aligned: overlays and most signs are horizontal, and this avoids a contour
 * and polygon-offset library.
 */
final class DbPostProcessor {
    private static final int MIN_SIDE = 3;
    private static final int MAX_CANDIDATES = 1000;

    /** A box in pixels of the probability map, [x1, x2) × [y1, y2). */
    record MapBox(double x1, double y1, double x2, double y2, double score) {}

    private final double binaryThreshold;
    private final double boxThreshold;
    private final double unclipRatio;

    DbPostProcessor(double binaryThreshold, double boxThreshold, double unclipRatio) {
        this.binaryThreshold = binaryThreshold;
        this.boxThreshold = boxThreshold;
        this.unclipRatio = unclipRatio;
    }

    List<MapBox> boxes(float[] probability, int width, int height) {
        int[] label = new int[width * height];
        int[] stack = new int[width * height];
        List<MapBox> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < label.length && boxes.size() < MAX_CANDIDATES; start++) {
            if (label[start] != 0 || probability[start] <= binaryThreshold) continue;
            next++;
            int minX = width, minY = height, maxX = -1, maxY = -1;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width, y = p / width;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                // 8-connectivity, like OpenCV's findContours on the bitmap
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= width) continue;
                        int q = ny * width + nx;
                        if (label[q] == 0 && probability[q] > binaryThreshold) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            MapBox box = toBox(probability, width, height, minX, minY, maxX + 1, maxY + 1);
            if (box != null) boxes.add(box);
        }
        return boxes;
    }

    private MapBox toBox(float[] probability, int width, int height, int x1, int y1, int x2, int y2) {
        int w = x2 - x1, h = y2 - y1;
        if (Math.min(w, h) < MIN_SIDE) return null;
        double sum = 0;
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) sum += probability[y * width + x];
        }
        double score = sum / (w * h);
        if (score < boxThreshold) return null;
        // The network predicts a kernel shrunk by D = A(1 - r²)/L; grow it by A·ratio/L as PaddleOCR does.
        double grow = (double) w * h * unclipRatio / (2.0 * (w + h));
        double gx1 = Math.max(0, x1 - grow), gy1 = Math.max(0, y1 - grow);
        double gx2 = Math.min(width, x2 + grow), gy2 = Math.min(height, y2 + grow);
        if (Math.min(gx2 - gx1, gy2 - gy1) < MIN_SIDE + 2) return null;
        return new MapBox(gx1, gy1, gx2, gy2, score);
    }
}
