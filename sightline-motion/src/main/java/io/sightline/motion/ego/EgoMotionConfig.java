package io.sightline.motion.ego;

/**
 * Settings of the flow measurement and of the thresholds that turn numbers into labels. The
 * thresholds come from physical reasoning about road cameras, not from fitting a clip; the reasoning
 * is on each accessor of {@link #defaults()}.
 *
 * @param workingWidth          frames are converted to grey and scaled down to this width before tracking
 * @param maxFeatures           Shi-Tomasi corners per frame. Tracking costs about as much per corner; 300 instead
 *                              of 400 took a quarter less CPU and left the evaluations' totals as they were
 * @param minFeatureDistance    pixels between corners at the working width
 * @param lkWindow              Lucas-Kanade window side, pixels
 * @param lkPyramidLevels       pyramid levels; 3 levels of a 21-pixel window follow ~80 px jumps,
 *                              which 2-5 fps sampling of a moving car produces
 * @param forwardBackwardPixels a point is kept only if tracking it back lands this close to where it started
 * @param maxViewCheckSeconds   a stretch of motion up to this long is checked for an unchanged view afterwards (see
 *                              {@link EgoMotionFrame#viewUnchangedSince()}); longer ones are taken as camera motion
 * @param ransacIterations      RANSAC samples per frame pair
 * @param minInliers            fewer background points than this make a pair unreliable (reported, not labelled)
 * @param stillFlowPixels       median background flow per pair below this, at the working width, is "no motion".
 *                              Measured on the fixed and stopped cameras of the development clips, the median flow
 *                              of still pairs is 0.01 px typically and 0.25 px at worst (Cinepak, passing people);
 *                              0.5 px is twice that worst case
 * @param maxPairGapSeconds     frames further apart than this are not paired (a gap in sampling)
 * @param baselineSeconds       every this many seconds the flow is also measured against the frame that long ago:
 *                              slow motion (a car creeping at walking pace) that stays under the noise floor
 *                              between neighbouring frames adds up over the longer baseline, while the noise does not
 * @param stillFraction         a window is still when at least this share of its pairs is still
 * @param movingForwardRate     median expansion rate (1/s) from which a window counts as moving forward:
 *                              expansion = speed / depth, so 0.03/s is walking pace (1.5 m/s) against a
 *                              scene 50 m away, or a car creeping at 2 km/h past things 20 m away
 * @param turningYawRate        |yaw| in frame widths per second from which a window counts as turning:
 *                              0.06 is ~5 deg/s for a 90-degree lens, above highway curvature (1-3 deg/s)
 *                              and below a turn at a junction (10-20 deg/s)
 * @param lateralShiftRate      |lateral rate| (see {@link EgoMotionFrame#lateralRate()}) from which a window counts
 *                              as shifting sideways: half of what a slow lane change gives (0.5 m/s sideways,
 *                              road 6 m ahead at the bottom row, focal length ~0.8 frame widths)
 * @param brakingRatio          braking when the forward rate falls below this share of the previous window's
 *                              (hard braking, 4 m/s², takes 10 m/s to 6 m/s in one second)
 * @param fixedCameraSeconds    a video that never moves for at least this long is from a fixed camera, not a
 *                              vehicle waiting at a light
 * @param fixedCameraStillFraction share of still pairs over the whole video for a fixed camera
 */
public record EgoMotionConfig(
        int workingWidth,
        int maxFeatures,
        double minFeatureDistance,
        int lkWindow,
        int lkPyramidLevels,
        double forwardBackwardPixels,
        int ransacIterations,
        int minInliers,
        double stillFlowPixels,
        double maxPairGapSeconds,
        double baselineSeconds,
        double maxViewCheckSeconds,
        double stillFraction,
        double movingForwardRate,
        double turningYawRate,
        double lateralShiftRate,
        double brakingRatio,
        double fixedCameraSeconds,
        double fixedCameraStillFraction) {

    public static EgoMotionConfig defaults() {
        return new EgoMotionConfig(640, 300, 8, 21, 3, 1.0, 200, 15, 0.5, 1.5, 1.0, 30, 0.8, 0.03, 0.06, 0.12, 0.6, 20, 0.95);
    }

    public EgoMotionConfig withWorkingWidth(int width) {
        return new EgoMotionConfig(width, maxFeatures, minFeatureDistance, lkWindow, lkPyramidLevels, forwardBackwardPixels,
                ransacIterations, minInliers, stillFlowPixels, maxPairGapSeconds, baselineSeconds, maxViewCheckSeconds, stillFraction, movingForwardRate,
                turningYawRate, lateralShiftRate, brakingRatio, fixedCameraSeconds, fixedCameraStillFraction);
    }

    /**
     * The still threshold over a longer baseline: jitter and sway add up like a random walk, so the noise floor
     * grows with the square root of the number of frame intervals the baseline spans.
     */
    double baselineStillFlow(double baselineSeconds, double pairSeconds) {
        return stillFlow() * Math.sqrt(Math.max(1, baselineSeconds / Math.max(pairSeconds, 1e-6)));
    }

    /** {@link #stillFlowPixels} in frame widths. */
    double stillFlow() {
        return stillFlowPixels / workingWidth;
    }
}
