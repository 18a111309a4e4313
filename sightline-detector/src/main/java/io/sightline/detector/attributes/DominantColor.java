package io.sightline.detector.attributes;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The colour name of what is inside a box.
 *
 * <p>Only the central part of the box is read (a box around a car or a person also holds road,
 * wall and sky at its edges), and colours that also dominate a ring just outside the box count
 * half, so the background seen through a box does not win. A chromatic colour wins over the
 * greys when it covers a fair share of the centre: windows, tyres and shadows make every vehicle
 * partly black or grey, while a blue patch that large is paint; for the same reason a white, silver
 * or grey that covers a fair share wins over black.
 */
public final class DominantColor {
    /** Fraction of the box trimmed from each side before counting. */
    static final double TRIM = 0.2;
    /** Share of the (weighted) centre a chromatic colour needs to be the box's colour. */
    static final double CHROMATIC_SHARE = 0.25;
    /**
     * Share of the (weighted) centre the light greys together need to beat black: a car's windows,
     * tyres and shadow are a third to a half of the centre of its box whatever its paint.
     */
    static final double LIGHT_SHARE = 0.35;
    private static final List<ColorName> LIGHT = List.of(ColorName.WHITE, ColorName.SILVER, ColorName.GREY);
    /** Share the winner needs at all; below it the colour is unknown. */
    static final double MIN_SHARE = 0.3;
    private static final int MIN_PIXELS = 16;
    private static final int MAX_SAMPLES_PER_SIDE = 48;

    private DominantColor() {}

    public static ColorName of(RgbImage image, Box box) {
        Region centre = Region.of(image, box.x1() + box.width() * TRIM, box.y1() + box.height() * TRIM,
                box.x2() - box.width() * TRIM, box.y2() - box.height() * TRIM);
        Map<ColorName, Double> inside = histogram(image, centre, null);
        double total = inside.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total < MIN_PIXELS) return ColorName.UNKNOWN;

        ColorName background = dominant(histogram(image, Region.of(image, box.x1() - box.width() * 0.15, box.y1() - box.height() * 0.15,
                box.x2() + box.width() * 0.15, box.y2() + box.height() * 0.15), Region.of(image, box.x1(), box.y1(), box.x2(), box.y2())));
        if (background != null) inside.computeIfPresent(background, (c, n) -> n / 2);
        double weighted = inside.values().stream().mapToDouble(Double::doubleValue).sum();

        ColorName bestChromatic = null;
        ColorName bestAchromatic = null;
        for (Map.Entry<ColorName, Double> e : inside.entrySet()) {
            ColorName c = e.getKey();
            if (c.chromatic()) {
                if (bestChromatic == null || e.getValue() > inside.get(bestChromatic)) bestChromatic = c;
            } else if (bestAchromatic == null || e.getValue() > inside.get(bestAchromatic)) {
                bestAchromatic = c;
            }
        }
        if (bestChromatic != null && inside.get(bestChromatic) / weighted >= CHROMATIC_SHARE) return bestChromatic;
        // the same reasoning among the greys: black windows, tyres and shadow are part of every car, so a
        // white, silver or grey body is its colour once it covers a fair share, even if black covers more
        ColorName bestLight = null;
        double light = 0;
        for (ColorName c : LIGHT) {
            double n = inside.getOrDefault(c, 0.0);
            light += n;
            if (n > 0 && (bestLight == null || n > inside.get(bestLight))) bestLight = c;
        }
        if (bestLight != null && light / weighted >= LIGHT_SHARE && inside.get(bestLight) / weighted >= LIGHT_SHARE / 2) return bestLight;
        if (bestAchromatic != null && inside.get(bestAchromatic) / weighted >= MIN_SHARE) return bestAchromatic;
        return ColorName.UNKNOWN;
    }

    private static ColorName dominant(Map<ColorName, Double> histogram) {
        return histogram.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Counts colour names on a grid of at most 48×48 samples, skipping pixels inside {@code hole}. */
    private static Map<ColorName, Double> histogram(RgbImage image, Region region, Region hole) {
        Map<ColorName, Double> counts = new EnumMap<>(ColorName.class);
        if (region.empty()) return counts;
        int stepX = Math.max(1, region.width() / MAX_SAMPLES_PER_SIDE);
        int stepY = Math.max(1, region.height() / MAX_SAMPLES_PER_SIDE);
        for (int y = region.y1; y < region.y2; y += stepY) {
            for (int x = region.x1; x < region.x2; x += stepX) {
                if (hole != null && hole.contains(x, y)) continue;
                ColorName c = ColorName.ofPixel(image.channel(x, y, 0), image.channel(x, y, 1), image.channel(x, y, 2));
                counts.merge(c, 1.0, Double::sum);
            }
        }
        return counts;
    }

    /** Pixel rectangle [x1, x2) × [y1, y2), clipped to the image. */
    private record Region(int x1, int y1, int x2, int y2) {
        static Region of(RgbImage image, double nx1, double ny1, double nx2, double ny2) {
            int x1 = clamp((int) Math.floor(nx1 * image.width()), image.width());
            int y1 = clamp((int) Math.floor(ny1 * image.height()), image.height());
            int x2 = clamp((int) Math.ceil(nx2 * image.width()), image.width());
            int y2 = clamp((int) Math.ceil(ny2 * image.height()), image.height());
            return new Region(x1, y1, Math.max(x1, x2), Math.max(y1, y2));
        }

        int width() { return x2 - x1; }

        int height() { return y2 - y1; }

        boolean empty() { return width() == 0 || height() == 0; }

        boolean contains(int x, int y) { return x >= x1 && x < x2 && y >= y1 && y < y2; }

        private static int clamp(int v, int max) { return Math.max(0, Math.min(max, v)); }
    }
}
