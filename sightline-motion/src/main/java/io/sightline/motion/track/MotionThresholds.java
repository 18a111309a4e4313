package io.sightline.motion.track;

/**
 * Thresholds of the relative-motion rules, with the reasoning behind each default.
 *
 * @param minSamples         observations needed before anything is said about motion
 * @param minSeconds         time span needed before anything is said about motion
 * @param growthRate         |d ln(size)/dt| (1/s) for approaching/receding: 0.1/s is a time-to-contact of 10 s,
 *                           the horizon beyond which closing in is not worth reporting; box jitter at 2-5 fps
 *                           stays well below it over a second
 * @param bottomTolerance    approaching may not lift the bottom edge by more than this (frame heights/s)
 * @param crossingSpeed      sideways speed (frame widths/s) for crossing; a pedestrian at 1.4 m/s 15 m in front of a
 *                           90-degree lens moves ~0.05 frame widths/s, so this is the slowest crossing said
 * @param crossingDistance   crossing must also cover at least this share of the frame width ...
 * @param crossingWidths     ... and this many of its own widths
 * @param sideRegion         first seen with its centre within this share of the frame from a side = came from that side
 * @param corridorHalfWidth  the lane ahead: centre x within 0.5 ± this
 * @param aheadBottomY       a cut-in must end with its bottom below this row (on the road close ahead, not on the horizon)
 * @param stationarySpeed    scene-relative speed (frame widths or heights per second) below which an object is still;
 *                           a walking person 20 m away moves faster than this in the image
 * @param stationaryGrowth   scene-relative |growth| (1/s) below which an object is still
 * @param minStationarySeconds stillness is only claimed over at least this long
 */
public record MotionThresholds(
        int minSamples,
        double minSeconds,
        double growthRate,
        double bottomTolerance,
        double crossingSpeed,
        double crossingDistance,
        double crossingWidths,
        double sideRegion,
        double corridorHalfWidth,
        double aheadBottomY,
        double stationarySpeed,
        double stationaryGrowth,
        double minStationarySeconds) {

    public static MotionThresholds defaults() {
        return new MotionThresholds(3, 0.5, 0.1, 0.02, 0.05, 0.15, 0.75, 0.35, 0.15, 0.5, 0.02, 0.05, 1.0);
    }
}
