package io.sightline.motion.track;

import java.util.Map;

/**
 * One motion label with the rule that gave it and the numbers the rule was applied to (names as in
 * {@link TrackKinematics}), so a caption or an event can show its evidence.
 */
public record MotionFinding(RelativeMotion motion, String rule, Map<String, Double> evidence) {
    public MotionFinding {
        evidence = Map.copyOf(evidence);
    }
}
