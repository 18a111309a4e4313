package io.sightline.vision.image;

/**
 * A decoded frame: 8-bit RGB, interleaved, row-major, no padding. The common currency between
 * frame decoding and every vision component.
 */
public record RgbImage(int width, int height, byte[] pixels) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes for " + width + "x" + height + " RGB, got " + pixels.length);
        }
    }

    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new byte[width * height * 3]);
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel (x, y), 0-255. */
    public int channel(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xff;
    }
}
