package io.sightline.detector.attributes;

import java.util.Locale;

/** Colour words a person would use for a car or a jacket. */
public enum ColorName {
    WHITE, SILVER, GREY, BLACK, RED, ORANGE, YELLOW, GREEN, BLUE, PURPLE, PINK, BROWN,
    /** Too few pixels to say, or no colour clearly ahead of the others. */
    UNKNOWN;

    public boolean chromatic() {
        return switch (this) {
            case WHITE, SILVER, GREY, BLACK, UNKNOWN -> false;
            default -> true;
        };
    }

    /** Lower-case word for captions and queries, e.g. {@code silver}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Least spread between the strongest and weakest channel for a pixel to have a hue at all. */
    static final int MIN_CHROMA = 40;

    /**
     * Names one pixel from its HSV coordinates. Achromatic first: little spread between the
     * channels (dark shadows and windows tinted by the sky, white paint under a blue sky) is
     * white, silver, grey or black by brightness. Dark or dull oranges and reds are brown, as
     * people say of them; crimson (hue 330-360) stays red even in shade, as red car paint does.
     */
    public static ColorName ofPixel(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (max - min) / (double) max;
        if (value < 0.18) return BLACK;
        if (max - min < MIN_CHROMA || saturation < 0.18) {
            if (value > 0.82) return WHITE;
            if (value > 0.58) return SILVER;
            if (value > 0.3) return GREY;
            return BLACK;
        }
        double hue = hue(r, g, b, max, min);
        if (hue >= 330) return RED; // crimson and maroon: car paint in shade stays red
        if (hue < 15) return value < 0.45 || saturation < 0.35 ? BROWN : RED;
        if (hue < 40) return value < 0.6 || saturation < 0.4 ? BROWN : ORANGE;
        if (hue < 70) return value < 0.45 ? BROWN : YELLOW;
        if (hue < 165) return GREEN;
        if (hue < 255) return BLUE;
        if (hue < 290) return PURPLE;
        return value > 0.6 ? PINK : PURPLE;
    }

    private static double hue(int r, int g, int b, int max, int min) {
        double delta = max - min;
        double h;
        if (max == r) h = ((g - b) / delta) % 6;
        else if (max == g) h = (b - r) / delta + 2;
        else h = (r - g) / delta + 4;
        h *= 60;
        return h < 0 ? h + 360 : h;
    }
}
