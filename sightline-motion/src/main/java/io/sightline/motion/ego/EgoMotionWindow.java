package io.sightline.motion.ego;

import java.util.Set;

/**
 * Ego-motion over a window of time: the labels and the numbers they were decided from. Rates are
 * medians over the window's reliable frame pairs, with the sign conventions of {@link EgoMotionFrame}.
 *
 * @param pairs                frame pairs whose midpoint falls in the window
 * @param reliablePairs        of those, pairs with enough background points
 * @param stillFraction        share of reliable pairs without measurable motion
 * @param previousForwardRate  the forward rate of the window before, NaN when there is none (braking evidence)
 */
public record EgoMotionWindow(
        double start,
        double end,
        int pairs,
        int reliablePairs,
        double stillFraction,
        double forwardRate,
        double yawRate,
        double lateralRate,
        double previousForwardRate,
        Set<EgoMotionLabel> labels) {

    public boolean has(EgoMotionLabel label) {
        return labels.contains(label);
    }
}
