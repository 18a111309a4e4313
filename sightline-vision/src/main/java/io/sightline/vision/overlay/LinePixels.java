package io.sightline.vision.overlay;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;

/**
 * The grey pixels of one overlay line area, to tell whether the line changed since it was last
 * read. Compared in square cells half a line high: a changed character changes many pixels of its
 * cell by a lot, video compression changes them by a few levels, so the mean difference of the
 * worst cell separates the two even for a single digit in a long line (and for a 6 turned 9, which
 * a cell's mean brightness alone would miss).
 */
final class LinePixels {
    /** Mean absolute difference (0-255) of a cell above which the line counts as changed. */
    static final double CHANGED_CELL_DIFFERENCE = 12;

    private final int width;
    private final int height;
    private final byte[] grey;

    private LinePixels(int width, int height, byte[] grey) {
        this.width = width;
        this.height = height;
        this.grey = grey;
    }

    static LinePixels of(RgbImage image, Box area) {
        int x1 = clamp((int) Math.floor(area.x1() * image.width()), image.width() - 1);
        int y1 = clamp((int) Math.floor(area.y1() * image.height()), image.height() - 1);
        int x2 = Math.max(x1 + 1, clamp((int) Math.ceil(area.x2() * image.width()), image.width()));
        int y2 = Math.max(y1 + 1, clamp((int) Math.ceil(area.y2() * image.height()), image.height()));
        int w = x2 - x1, h = y2 - y1;
        byte[] grey = new byte[w * h];
        byte[] px = image.pixels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = ((y1 + y) * image.width() + x1 + x) * 3;
                grey[y * w + x] = (byte) (((px[i] & 0xff) * 77 + (px[i + 1] & 0xff) * 150 + (px[i + 2] & 0xff) * 29) >> 8);
            }
        }
        return new LinePixels(w, h, grey);
    }

    /** Whether {@code other}, the same area of another frame, shows the same line. */
    boolean sameAs(LinePixels other) {
        if (other == null || other.width != width || other.height != height) return false;
        int cell = Math.max(2, height / 2);
        for (int cy = 0; cy < height; cy += cell) {
            for (int cx = 0; cx < width; cx += cell) {
                long sum = 0;
                int n = 0;
                for (int y = cy; y < Math.min(height, cy + cell); y++) {
                    for (int x = cx; x < Math.min(width, cx + cell); x++) {
                        sum += Math.abs((grey[y * width + x] & 0xff) - (other.grey[y * width + x] & 0xff));
                        n++;
                    }
                }
                if ((double) sum / n > CHANGED_CELL_DIFFERENCE) return false;
            }
        }
        return true;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
