package io.sightline.motion.track;

/**
 * The numbers a track's motion labels are decided from, over a span of its path. Positions are in 0-1
 * frame coordinates (x right, y down); velocities are least-squares slopes over the span, per second.
 *
 * @param samples               observations in the span
 * @param startCentreX          fitted centre x at the start of the span
 * @param endCentreX            fitted centre x at the end
 * @param centreXVelocity       centre x velocity in the image, frame widths per second (+ = rightwards)
 * @param sceneCentreXVelocity  the same with the background flow at the box's foot removed (equal to the image
 *                              velocity when no ego-motion was given)
 * @param startBottomY          fitted bottom edge at the start
 * @param endBottomY            fitted bottom edge at the end
 * @param bottomVelocity        bottom edge velocity, frame heights per second (+ = downwards, typically closer)
 * @param sceneBottomVelocity   the same with the background flow removed
 * @param growthRate            d ln(size)/dt, 1/s: positive when the box grows
 * @param sceneGrowthRate       the growth beyond what the background at the same row does
 * @param timeToContact         size / (d size / dt) = 1 / growthRate, seconds; infinite when not growing
 * @param meanWidth             mean box width
 * @param endHeight             box height at the last observation
 * @param monotonicity          share of steps whose horizontal move has the sign of the overall move
 * @param egoCoverage           share of the span's time covered by reliable ego-motion (0 when none was given)
 * @param cameraMoving          1 when the ego-motion shows the camera moving during the span, else 0
 */
public record TrackKinematics(
        double start,
        double end,
        int samples,
        double startCentreX,
        double endCentreX,
        double centreXVelocity,
        double sceneCentreXVelocity,
        double startBottomY,
        double endBottomY,
        double bottomVelocity,
        double sceneBottomVelocity,
        double growthRate,
        double sceneGrowthRate,
        double timeToContact,
        double meanWidth,
        double endHeight,
        double monotonicity,
        double egoCoverage,
        double cameraMoving) {

    public double duration() {
        return end - start;
    }
}
