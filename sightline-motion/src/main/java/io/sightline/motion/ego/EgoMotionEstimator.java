package io.sightline.motion.ego;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.List;
import java.util.Optional;

/**
 * Measures camera motion frame by frame: feed the sampled frames in time order with the boxes of
 * detected objects (they move on their own and would spoil the background flow); every frame after
 * the first yields one {@link EgoMotionFrame} for the pair it closes. Not thread-safe; one per video.
 */
public final class EgoMotionEstimator implements AutoCloseable {
    private final EgoMotionConfig config;
    private final LucasKanadeFlow flow;
    private final FlowModelFitter fitter;
    private double previousTime = Double.NaN;
    private double keyframeTime = Double.NaN;
    private double anchorTime = Double.NaN;
    private boolean movedSinceAnchor;

    private EgoMotionEstimator(EgoMotionConfig config) {
        this.config = config;
        this.flow = new LucasKanadeFlow(config);
        this.fitter = new FlowModelFitter(config.ransacIterations(), 1.0 / config.workingWidth(), 0.2);
    }

    public static EgoMotionEstimator create(EgoMotionConfig config) {
        return new EgoMotionEstimator(config);
    }

    public static EgoMotionEstimator create() {
        return create(EgoMotionConfig.defaults());
    }

    /**
     * @param timeSeconds presentation time of this frame; must increase
     * @param frame       the decoded frame (any size; scaled to the working width inside)
     * @param excluded    boxes to keep out of the background: detected objects, burned-in overlay text
     * @return the motion since the previous frame, empty for the first frame or after a gap in time
     */
    public Optional<EgoMotionFrame> update(double timeSeconds, RgbImage frame, List<Box> excluded) {
        double start = previousTime;
        double gap = timeSeconds - start;
        previousTime = timeSeconds;
        if (!(gap > 0) || gap > config.maxPairGapSeconds()) {
            flow.reset();
        }
        PointFlow points = flow.next(frame, excluded);
        if (!flow.hasKeyframe()) {
            flow.keepAsKeyframe();
            keyframeTime = timeSeconds;
        }
        if (!(gap > 0) || gap > config.maxPairGapSeconds()) {
            anchorTime = Double.NaN;
            return Optional.empty();
        }
        EgoMotionFrame measured = measure(start, timeSeconds, (double) frame.height() / frame.width(), points);
        if (timeSeconds - keyframeTime >= config.baselineSeconds() - 1e-6) {
            EgoMotionFrame baseline = measure(keyframeTime, timeSeconds, measured.aspect(), flow.fromKeyframe(excluded));
            measured = baseline.reliable()
                    ? measured.withBaseline(keyframeTime, baseline.medianFlow(), baseline.forwardRate())
                    : measured.withBaseline(keyframeTime, Double.NaN, Double.NaN);
            flow.keepAsKeyframe();
            keyframeTime = timeSeconds;
        }
        return Optional.of(checkViewUnchanged(measured, excluded));
    }

    /**
     * When the flow turns still again after some motion, compares this frame with the last still one: if the
     * view is the same, the camera never moved and the motion in between was in front of it (a hand, a
     * passing car that no detection masked).
     */
    private EgoMotionFrame checkViewUnchanged(EgoMotionFrame measured, List<Box> excluded) {
        if (!measured.reliable()) return measured;
        boolean baselineStill = measured.baselineStill(config);
        if (!measured.still() || (measured.hasBaseline() && !baselineStill)) {
            movedSinceAnchor = true;
            return measured;
        }
        // Anchors are only frames whose stillness the longer baseline confirms: a frame that looks still next to
        // its neighbour may be part of a slow camera motion.
        if (!baselineStill) return measured;
        EgoMotionFrame result = measured;
        if (movedSinceAnchor && !Double.isNaN(anchorTime) && measured.endTime() - anchorTime <= config.maxViewCheckSeconds()) {
            EgoMotionFrame sinceAnchor = measure(anchorTime, measured.endTime(), measured.aspect(), flow.fromAnchor(excluded));
            if (sinceAnchor.still()) result = measured.withViewUnchangedSince(anchorTime);
        }
        flow.keepAsAnchor();
        anchorTime = measured.endTime();
        movedSinceAnchor = false;
        return result;
    }

    private EgoMotionFrame measure(double start, double end, double aspect, PointFlow points) {
        FlowModelFitter.Fit fit = fitter.fit(points);
        double dt = end - start;
        double[] magnitudes = new double[fit.inlierCount()];
        double[] expansions = new double[fit.inlierCount()];
        int k = 0;
        for (int i = 0; i < points.size(); i++) {
            if (!fit.inliers()[i]) continue;
            magnitudes[k] = points.magnitude(i);
            expansions[k] = fit.model().expansionAt(points.y()[i]);
            k++;
        }
        double medianFlow = fit.inlierCount() == 0 ? 0 : FlowModelFitter.median(magnitudes);
        boolean reliable = fit.inlierCount() >= config.minInliers();
        FlowModel model = fit.model();
        double forward = fit.inlierCount() == 0 ? 0 : FlowModelFitter.median(expansions) / dt;
        return new EgoMotionFrame(start, end, aspect, points.size(), fit.inlierCount(), medianFlow,
                reliable && medianFlow < config.stillFlow(), reliable,
                forward, -model.tx() / dt, -model.shear() / dt, model.ty() / dt, model.rotation() / dt, model,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    @Override
    public void close() {
        flow.close();
    }
}
