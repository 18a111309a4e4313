package io.sightline.detector;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.Arrays;

/**
 * A frame resampled into a detector's square input (RGB, 0-255, interleaved, row-major) and the
 * way back from input pixels to normalised frame coordinates.
 */
final class SquareInput {
    /** Grey for the letterbox bands: neutral for a network that saw mean-centred images. */
    private static final float PAD = 114f;

    final int size;
    final float[] pixels;
    // Where the frame lies inside the square, in input pixels.
    private final double left;
    private final double top;
    private final double width;
    private final double height;

    private SquareInput(int size, float[] pixels, double left, double top, double width, double height) {
        this.size = size;
        this.pixels = pixels;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
    }

    static SquareInput of(RgbImage image, int size, Fit fit) {
        if (fit == Fit.STRETCH) return new SquareInput(size, resample(image, size, size), 0, 0, size, size);
        double scale = Math.min((double) size / image.width(), (double) size / image.height());
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        int left = (size - w) / 2;
        int top = (size - h) / 2;
        float[] content = resample(image, w, h);
        float[] square = new float[size * size * 3];
        Arrays.fill(square, PAD);
        for (int y = 0; y < h; y++) System.arraycopy(content, y * w * 3, square, ((top + y) * size + left) * 3, w * 3);
        return new SquareInput(size, square, left, top, w, h);
    }

    /** Input-pixel corners to a normalised frame box, clipped to the frame. */
    Box toFrame(double x1, double y1, double x2, double y2) {
        double nx1 = clamp((x1 - left) / width);
        double ny1 = clamp((y1 - top) / height);
        double nx2 = clamp((x2 - left) / width);
        double ny2 = clamp((y2 - top) / height);
        return new Box(Math.min(nx1, nx2), Math.min(ny1, ny2), Math.max(nx1, nx2), Math.max(ny1, ny2));
    }

    /** The same pixels as planes (CHW), for models exported from PyTorch. */
    float[] channelsFirst() {
        int plane = size * size;
        float[] planar = new float[plane * 3];
        for (int i = 0; i < plane; i++) {
            planar[i] = pixels[i * 3];
            planar[plane + i] = pixels[i * 3 + 1];
            planar[2 * plane + i] = pixels[i * 3 + 2];
        }
        return planar;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /**
     * Separable resampling with a triangle filter widened by the scale factor when shrinking, so a
     * 1080p frame going to 512 px averages its pixels instead of skipping most of them (aliasing
     * turns fine texture into false edges).
     */
    static float[] resample(RgbImage image, int outWidth, int outHeight) {
        int inWidth = image.width();
        int inHeight = image.height();
        byte[] src = image.pixels();
        Taps horizontal = Taps.of(inWidth, outWidth);
        Taps vertical = Taps.of(inHeight, outHeight);
        float[] rows = new float[inHeight * outWidth * 3];
        for (int y = 0; y < inHeight; y++) {
            int rowIn = y * inWidth * 3;
            int rowOut = y * outWidth * 3;
            for (int x = 0; x < outWidth; x++) {
                float r = 0, g = 0, b = 0;
                for (int t = horizontal.start[x], k = x * horizontal.span; t < horizontal.start[x] + horizontal.count[x]; t++, k++) {
                    float w = horizontal.weight[k];
                    int i = rowIn + t * 3;
                    r += w * (src[i] & 0xff);
                    g += w * (src[i + 1] & 0xff);
                    b += w * (src[i + 2] & 0xff);
                }
                int o = rowOut + x * 3;
                rows[o] = r;
                rows[o + 1] = g;
                rows[o + 2] = b;
            }
        }
        float[] out = new float[outHeight * outWidth * 3];
        int stride = outWidth * 3;
        for (int y = 0; y < outHeight; y++) {
            int o = y * stride;
            for (int t = vertical.start[y], k = y * vertical.span; t < vertical.start[y] + vertical.count[y]; t++, k++) {
                float w = vertical.weight[k];
                int i = t * stride;
                for (int c = 0; c < stride; c++) out[o + c] += w * rows[i + c];
            }
        }
        return out;
    }

    /** Per output coordinate: first input index, number of taps and their normalised weights. */
    private record Taps(int[] start, int[] count, float[] weight, int span) {
        static Taps of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(1.0, scale);
            int span = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[out];
            int[] count = new int[out];
            float[] weight = new float[out * span];
            for (int o = 0; o < out; o++) {
                double center = (o + 0.5) * scale;
                int first = Math.max(0, (int) Math.floor(center - support));
                int last = Math.min(in - 1, (int) Math.ceil(center + support) - 1);
                last = Math.min(last, first + span - 1);
                double sum = 0;
                for (int i = first; i <= last; i++) {
                    double w = Math.max(0, 1 - Math.abs((i + 0.5 - center) / support));
                    weight[o * span + i - first] = (float) w;
                    sum += w;
                }
                if (sum == 0) { // degenerate: take the nearest pixel
                    first = Math.min(in - 1, (int) center);
                    last = first;
                    weight[o * span] = 1;
                    sum = 1;
                }
                for (int i = 0; i <= last - first; i++) weight[o * span + i] /= (float) sum;
                start[o] = first;
                count[o] = last - first + 1;
            }
            return new Taps(start, count, weight, span);
        }
    }
}
