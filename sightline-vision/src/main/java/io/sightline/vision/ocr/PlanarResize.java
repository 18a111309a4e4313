package io.sightline.vision.ocr;

import io.sightline.vision.image.RgbImage;

/**
 * Bilinear resize of a pixel rectangle straight into a normalised, planar (CHW) float tensor in
 * BGR channel order, as PaddleOCR's models were trained on OpenCV's BGR images.
 */
final class PlanarResize {
    private PlanarResize() {}

    /**
     * @param mean       per output channel (B, G, R), applied to pixel/255
     * @param std        per output channel (B, G, R)
     * @param dst        tensor holding three planes of {@code planeWidth × planeHeight} starting at {@code offset}
     */
    static void resize(RgbImage src, int sx, int sy, int sw, int sh, int dw, int dh,
                       float[] dst, int offset, int planeWidth, int planeHeight, float[] mean, float[] std) {
        int plane = planeWidth * planeHeight;
        byte[] px = src.pixels();
        int width = src.width();
        double scaleX = (double) sw / dw;
        double scaleY = (double) sh / dh;
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] wx = new float[dw];
        for (int x = 0; x < dw; x++) {
            double fx = Math.max(0, (x + 0.5) * scaleX - 0.5);
            int ix = Math.min((int) fx, sw - 1);
            x0[x] = sx + ix;
            x1[x] = sx + Math.min(ix + 1, sw - 1);
            wx[x] = (float) (fx - ix);
        }
        for (int y = 0; y < dh; y++) {
            double fy = Math.max(0, (y + 0.5) * scaleY - 0.5);
            int iy = Math.min((int) fy, sh - 1);
            int row0 = (sy + iy) * width;
            int row1 = (sy + Math.min(iy + 1, sh - 1)) * width;
            float wy = (float) (fy - iy);
            int out = offset + y * planeWidth;
            for (int x = 0; x < dw; x++) {
                for (int c = 0; c < 3; c++) {
                    int rgb = 2 - c; // output channel 0 is blue
                    float a = px[(row0 + x0[x]) * 3 + rgb] & 0xff;
                    float b = px[(row0 + x1[x]) * 3 + rgb] & 0xff;
                    float d = px[(row1 + x0[x]) * 3 + rgb] & 0xff;
                    float e = px[(row1 + x1[x]) * 3 + rgb] & 0xff;
                    float top = a + (b - a) * wx[x];
                    float bottom = d + (e - d) * wx[x];
                    float v = (top + (bottom - top) * wy) / 255f;
                    dst[out + c * plane + x] = (v - mean[c]) / std[c];
                }
            }
        }
    }
}
