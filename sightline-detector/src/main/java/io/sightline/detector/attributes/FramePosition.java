package io.sightline.detector.attributes;

import io.sightline.vision.image.Box;
import java.util.Locale;

/**
 * Where a box sits in the frame: left / centre / right by its centre, near / middle / far by its
 * bottom edge. For a forward camera the bottom edge is where the object meets the road, so the
 * lower it is, the closer the object; on other cameras "near" only means "low in the picture".
 */
public record FramePosition(Horizontal horizontal, Depth depth) {
    public enum Horizontal { LEFT, CENTER, RIGHT;
        public String word() { return name().toLowerCase(Locale.ROOT); }
    }

    public enum Depth { FAR, MIDDLE, NEAR;
        public String word() { return name().toLowerCase(Locale.ROOT); }
    }

    static final double LEFT_BELOW = 1 / 3.0;
    static final double RIGHT_FROM = 2 / 3.0;
    /** Bottom edges above this line are near the horizon of a level forward camera. */
    static final double FAR_ABOVE = 0.55;
    /** Bottom edges below this line are just ahead of the camera (dashcams show their bonnet below ~0.85). */
    static final double NEAR_FROM = 0.75;

    public static FramePosition of(Box box) {
        double cx = box.centerX();
        Horizontal horizontal = cx < LEFT_BELOW ? Horizontal.LEFT : cx >= RIGHT_FROM ? Horizontal.RIGHT : Horizontal.CENTER;
        double bottom = box.y2();
        Depth depth = bottom < FAR_ABOVE ? Depth.FAR : bottom >= NEAR_FROM ? Depth.NEAR : Depth.MIDDLE;
        return new FramePosition(horizontal, depth);
    }
}
