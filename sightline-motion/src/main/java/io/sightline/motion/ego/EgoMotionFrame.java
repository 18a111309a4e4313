package io.sightline.motion.ego;

/**
 * How the camera moved between two sampled frames, measured from the optical flow of the
 * background. Rates are per second, so pairs sampled at different intervals compare directly.
 *
 * <p>Sign conventions (image x to the right, y down):
 * <ul>
 *   <li>{@code forwardRate} &gt; 0: the background expands, the camera moves forward; &lt; 0 backward. Unit 1/s,
 *       the median over background points of the local zoom rate (= speed / depth).
 *   <li>{@code yawRate} &gt; 0: the camera turns right (the background at the centre row flows left).
 *       Frame widths per second.
 *   <li>{@code lateralRate} &gt; 0: the camera moves right (near, low rows flow left faster than far rows).
 *       Frame widths per second of flow difference per frame width of row.
 *   <li>{@code pitchRate} &gt; 0: the camera tilts up (the background flows down). Frame widths per second.
 *   <li>{@code rollRate} &gt; 0: the picture rotates clockwise on screen. Radians per second.
 * </ul>
 *
 * @param startTime   presentation time of the earlier frame, seconds
 * @param endTime     presentation time of the later frame, seconds
 * @param aspect      frame height / width, to convert between width-normalised and 0-1 coordinates
 * @param points      feature points that were tracked both ways
 * @param inliers     of those, points that agree with the fitted background motion
 * @param medianFlow  median displacement of the inliers over the pair, frame widths
 * @param still       medianFlow below the noise floor: no measurable camera motion
 * @param reliable    enough inliers to trust the numbers
 * @param model       the fitted background flow, displacements over the pair
 * @param baselineStart   start of a longer-baseline measurement ending at this frame ({@link EgoMotionConfig#baselineSeconds()}),
 *                        NaN when this frame closes none
 * @param baselineFlow    median background displacement over that baseline, frame widths (NaN when none or unreliable)
 * @param baselineForwardRate forward rate measured over that baseline, 1/s (NaN when none or unreliable)
 * @param viewUnchangedSince  set on a still frame that ends a stretch of motion when the view is the same as at this
 *                            earlier time: the camera did not move in between, something in front of it did; NaN otherwise
 */
public record EgoMotionFrame(
        double startTime,
        double endTime,
        double aspect,
        int points,
        int inliers,
        double medianFlow,
        boolean still,
        boolean reliable,
        double forwardRate,
        double yawRate,
        double lateralRate,
        double pitchRate,
        double rollRate,
        FlowModel model,
        double baselineStart,
        double baselineFlow,
        double baselineForwardRate,
        double viewUnchangedSince) {

    /** A copy that also carries a longer-baseline measurement ending at this frame. */
    EgoMotionFrame withBaseline(double start, double flow, double forward) {
        return new EgoMotionFrame(startTime, endTime, aspect, points, inliers, medianFlow, still, reliable, forwardRate, yawRate,
                lateralRate, pitchRate, rollRate, model, start, flow, forward, viewUnchangedSince);
    }

    EgoMotionFrame withViewUnchangedSince(double time) {
        return new EgoMotionFrame(startTime, endTime, aspect, points, inliers, medianFlow, still, reliable, forwardRate, yawRate,
                lateralRate, pitchRate, rollRate, model, baselineStart, baselineFlow, baselineForwardRate, time);
    }

    /** Whether the longer baseline shows no motion beyond its noise floor; false when there is no baseline. */
    boolean baselineStill(EgoMotionConfig config) {
        return hasBaseline() && baselineFlow < config.baselineStillFlow(endTime - baselineStart, duration());
    }

    public boolean hasBaseline() {
        return !Double.isNaN(baselineFlow);
    }

    public double duration() {
        return endTime - startTime;
    }

    /**
     * Where the background at a point moved over this pair, both in 0-1 frame coordinates (like
     * {@link io.sightline.vision.image.Box}). Used to tell objects that move from objects the camera
     * moves past; the model's ground term makes this fair for points on the road (a box's bottom edge).
     */
    public double[] backgroundDisplacement(double x, double y) {
        double cx = x - 0.5;
        double cy = (y - 0.5) * aspect;
        return new double[] {model.dx(cx, cy), model.dy(cx, cy) / aspect};
    }

    /** The background's relative change of scale over this pair at row {@code y} (0-1 frame coordinates). */
    public double backgroundExpansion(double y) {
        return model.expansionAt((y - 0.5) * aspect);
    }
}
