package io.sightline.detector.attributes;

import io.sightline.vision.image.Box;
import java.util.Locale;

/** How much of the frame a box covers. */
public enum SizeClass {
    /** Under 1 % of the frame: a distant car, a pedestrian far down the street. */
    SMALL,
    /** 1-10 %. */
    MEDIUM,
    /** 10 % or more: close to the camera or a big object. */
    LARGE;

    static final double SMALL_BELOW = 0.01;
    static final double LARGE_FROM = 0.10;

    public static SizeClass of(Box box) {
        double area = box.area();
        if (area < SMALL_BELOW) return SMALL;
        return area < LARGE_FROM ? MEDIUM : LARGE;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
