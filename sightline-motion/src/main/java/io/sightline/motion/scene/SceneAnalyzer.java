package io.sightline.motion.scene;

import io.sightline.vision.image.RgbImage;
import java.util.ArrayDeque;

/**
 * Measures {@link SceneStatistics} of a frame. Frames wider than the analysis width are box-averaged down
 * to it first, so the numbers (sharpness above all) compare across source resolutions. Pure Java, stateless.
 */
public final class SceneAnalyzer {
    static final int DARK_LUMA = 40;
    static final int SATURATED_LUMA = 250;
    private static final double MIN_BLOB_FRACTION = 0.0001;

    private final int analysisWidth;

    private SceneAnalyzer(int analysisWidth) {
        this.analysisWidth = analysisWidth;
    }

    public static SceneAnalyzer create() {
        return create(640);
    }

    public static SceneAnalyzer create(int analysisWidth) {
        return new SceneAnalyzer(analysisWidth);
    }

    public SceneStatistics measure(RgbImage image) {
        int width = Math.min(analysisWidth, image.width());
        int height = Math.max(1, (int) Math.round((double) image.height() * width / image.width()));
        float[] red = new float[width * height], green = new float[width * height], blue = new float[width * height];
        downscale(image, width, height, red, green, blue);
        int n = width * height;
        float[] luma = new float[n];
        int[] histogram = new int[256];
        double lumaSum = 0;
        int dark = 0, saturated = 0;
        double rgSum = 0, ybSum = 0, rgSquares = 0, ybSquares = 0;
        for (int i = 0; i < n; i++) {
            float y = 0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i];
            luma[i] = y;
            histogram[Math.min(255, Math.round(y))]++;
            lumaSum += y;
            if (y < DARK_LUMA) dark++;
            if (y >= SATURATED_LUMA) saturated++;
            double rg = red[i] - green[i];
            double yb = 0.5 * (red[i] + green[i]) - blue[i];
            rgSum += rg; ybSum += yb; rgSquares += rg * rg; ybSquares += yb * yb;
        }
        double rgMean = rgSum / n, ybMean = ybSum / n;
        double rgVariance = Math.max(0, rgSquares / n - rgMean * rgMean);
        double ybVariance = Math.max(0, ybSquares / n - ybMean * ybMean);
        double colourfulness = Math.sqrt(rgVariance + ybVariance) + 0.3 * Math.hypot(rgMean, ybMean);

        int third = Math.max(1, height / 3);
        double sky = medianOfRows(luma, width, 0, third);
        double ground = medianOfRows(luma, width, height - third, height);
        double[] blobs = saturatedBlobs(luma, width, height);
        return new SceneStatistics(lumaSum / n, percentile(histogram, n, 0.5), percentile(histogram, n, 0.05),
                percentile(histogram, n, 0.95), sky, ground, dark / (double) n, saturated / (double) n,
                blobs[0], (int) blobs[1], laplacianVariance(luma, width, height), colourfulness);
    }

    /** Box-average into the analysis grid: every source pixel counts once, so nothing aliases. */
    private static void downscale(RgbImage image, int width, int height, float[] red, float[] green, float[] blue) {
        int[] counts = new int[width * height];
        byte[] pixels = image.pixels();
        int[] column = new int[image.width()];
        for (int x = 0; x < image.width(); x++) column[x] = Math.min(width - 1, (int) ((long) x * width / image.width()));
        for (int y = 0; y < image.height(); y++) {
            int row = Math.min(height - 1, (int) ((long) y * height / image.height())) * width;
            int offset = y * image.width() * 3;
            for (int x = 0; x < image.width(); x++, offset += 3) {
                int target = row + column[x];
                red[target] += pixels[offset] & 0xff;
                green[target] += pixels[offset + 1] & 0xff;
                blue[target] += pixels[offset + 2] & 0xff;
                counts[target]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            red[i] /= counts[i]; green[i] /= counts[i]; blue[i] /= counts[i];
        }
    }

    private static double medianOfRows(float[] luma, int width, int fromRow, int toRow) {
        int[] histogram = new int[256];
        int count = 0;
        for (int i = fromRow * width; i < toRow * width; i++) {
            histogram[Math.min(255, Math.round(luma[i]))]++;
            count++;
        }
        return percentile(histogram, count, 0.5);
    }

    private static double percentile(int[] histogram, int count, double quantile) {
        long target = (long) Math.ceil(quantile * count);
        long seen = 0;
        for (int value = 0; value < histogram.length; value++) {
            seen += histogram[value];
            if (seen >= target && seen > 0) return value;
        }
        return 255;
    }

    private static double laplacianVariance(float[] luma, int width, int height) {
        if (width < 3 || height < 3) return 0;
        double sum = 0, squares = 0;
        long count = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                double l = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - width] - luma[i + width];
                sum += l;
                squares += l * l;
                count++;
            }
        }
        double mean = sum / count;
        return squares / count - mean * mean;
    }

    /**
     * {largest clipped region as a share of the frame, number of regions above the minimum size}, counting only
     * regions that do not touch the top border: a clipped region there is an overexposed sky, not glare.
     */
    private static double[] saturatedBlobs(float[] luma, int width, int height) {
        int n = width * height;
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int largest = 0, blobs = 0;
        int minSize = Math.max(1, (int) Math.ceil(MIN_BLOB_FRACTION * n));
        for (int start = 0; start < n; start++) {
            if (seen[start] || luma[start] < SATURATED_LUMA) continue;
            int size = 0;
            boolean touchesTop = false;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                size++;
                int x = i % width, y = i / width;
                touchesTop |= y == 0;
                if (x > 0) visit(i - 1, luma, seen, queue);
                if (x < width - 1) visit(i + 1, luma, seen, queue);
                if (y > 0) visit(i - width, luma, seen, queue);
                if (y < height - 1) visit(i + width, luma, seen, queue);
            }
            if (touchesTop) continue;
            largest = Math.max(largest, size);
            if (size >= minSize) blobs++;
        }
        return new double[] {largest / (double) n, blobs};
    }

    private static void visit(int i, float[] luma, boolean[] seen, ArrayDeque<Integer> queue) {
        if (!seen[i] && luma[i] >= SATURATED_LUMA) {
            seen[i] = true;
            queue.add(i);
        }
    }
}
