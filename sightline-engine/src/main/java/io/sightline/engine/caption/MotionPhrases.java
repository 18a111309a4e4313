package io.sightline.engine.caption;

/** The words a caption uses for a track's motion label (see {@link io.sightline.api.Segment.SegmentObject#motion()}). */
public final class MotionPhrases {
    private MotionPhrases() {}

    /** The phrase for a motion label, or null for {@code unknown}, null and labels this version does not know. */
    public static String of(String motion) {
        if (motion == null) return null;
        return switch (motion) {
            case "approaching" -> "approaching";
            case "receding" -> "moving away";
            case "crossing_left_to_right" -> "crossing left to right";
            case "crossing_right_to_left" -> "crossing right to left";
            case "overtaking_left" -> "overtaking on the left";
            case "overtaking_right" -> "overtaking on the right";
            case "cutting_in" -> "cutting in";
            case "stationary" -> "stationary";
            default -> null;
        };
    }

    /** True when the phrase already says where the object is, so "ahead"/"on the left" would repeat or contradict it. */
    static boolean impliesPosition(String motion) {
        return motion != null && (motion.startsWith("crossing_") || motion.startsWith("overtaking_"));
    }
}
