package io.sightline.motion.ego;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Turns the per-pair measurements of a video into labelled windows. Built once all frames are measured,
 * because a fixed camera is only recognisable from the whole video.
 */
public final class EgoMotionTimeline {
    private final List<EgoMotionFrame> frames;
    private final EgoMotionConfig config;
    private final CameraKind cameraKind;
    private final java.util.Map<EgoMotionFrame, Boolean> stillness = new java.util.IdentityHashMap<>();

    private EgoMotionTimeline(List<EgoMotionFrame> frames, EgoMotionConfig config) {
        this.frames = List.copyOf(frames);
        this.config = config;
        judgeStillness();
        this.cameraKind = judgeCameraKind();
    }

    public static EgoMotionTimeline of(List<EgoMotionFrame> frames, EgoMotionConfig config) {
        return new EgoMotionTimeline(frames, config);
    }

    public List<EgoMotionFrame> frames() {
        return frames;
    }

    public CameraKind cameraKind() {
        return cameraKind;
    }

    /** Consecutive windows of the given length from the first to the last measured time. */
    public List<EgoMotionWindow> windows(double windowSeconds) {
        List<EgoMotionWindow> result = new ArrayList<>();
        if (frames.isEmpty()) return result;
        double first = frames.getFirst().startTime();
        double last = frames.getLast().endTime();
        EgoMotionWindow previous = null;
        for (double start = first; start < last - 1e-9; start += windowSeconds) {
            EgoMotionWindow window = window(start, Math.min(start + windowSeconds, last), previous);
            result.add(window);
            previous = window;
        }
        return result;
    }

    /** One window; braking is judged against the window of the same length just before it. */
    public EgoMotionWindow window(double start, double end) {
        double length = end - start;
        EgoMotionWindow before = start - length >= frames.getFirst().startTime() - 1e-9 ? window(start - length, start, null) : null;
        return window(start, end, before);
    }

    private EgoMotionWindow window(double start, double end, EgoMotionWindow previous) {
        List<EgoMotionFrame> reliable = new ArrayList<>();
        int pairs = 0;
        for (EgoMotionFrame frame : frames) {
            double middle = (frame.startTime() + frame.endTime()) / 2;
            if (middle < start || middle >= end) continue;
            pairs++;
            if (frame.reliable()) reliable.add(frame);
        }
        double previousForward = previous == null ? Double.NaN : previous.forwardRate();
        if (reliable.isEmpty()) {
            return new EgoMotionWindow(start, end, pairs, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    previousForward, EnumSet.of(EgoMotionLabel.UNKNOWN));
        }
        double stillFraction = reliable.stream().filter(this::still).count() / (double) reliable.size();
        double forward = median(reliable, EgoMotionFrame::forwardRate);
        double[] baselineForward = reliable.stream().filter(EgoMotionFrame::hasBaseline)
                .mapToDouble(EgoMotionFrame::baselineForwardRate).toArray();
        if (Math.abs(forward) < config.movingForwardRate() && baselineForward.length > 0) {
            // Slow motion is measured more precisely over the longer baseline.
            forward = FlowModelFitter.median(baselineForward);
        }
        double yaw = median(reliable, EgoMotionFrame::yawRate);
        double lateral = median(reliable, EgoMotionFrame::lateralRate);
        EnumSet<EgoMotionLabel> labels = EnumSet.noneOf(EgoMotionLabel.class);
        boolean still = stillFraction >= config.stillFraction();
        if (still) {
            labels.add(cameraKind == CameraKind.FIXED ? EgoMotionLabel.STATIC_CAMERA : EgoMotionLabel.STOPPED);
        } else {
            if (forward >= config.movingForwardRate()) labels.add(EgoMotionLabel.MOVING_FORWARD);
            if (forward <= -config.movingForwardRate()) labels.add(EgoMotionLabel.MOVING_BACKWARD);
            if (yaw >= config.turningYawRate()) labels.add(EgoMotionLabel.TURNING_RIGHT);
            if (yaw <= -config.turningYawRate()) labels.add(EgoMotionLabel.TURNING_LEFT);
            if (lateral >= config.lateralShiftRate()) labels.add(EgoMotionLabel.LATERAL_SHIFT_RIGHT);
            if (lateral <= -config.lateralShiftRate()) labels.add(EgoMotionLabel.LATERAL_SHIFT_LEFT);
            if (labels.isEmpty()) labels.add(EgoMotionLabel.MOVING);
        }
        boolean wasMovingForward = previousForward >= 2 * config.movingForwardRate();
        if (wasMovingForward && (still || forward < config.brakingRatio() * previousForward)) {
            labels.add(EgoMotionLabel.BRAKING);
        }
        return new EgoMotionWindow(start, end, pairs, reliable.size(), stillFraction, forward, yaw, lateral,
                previousForward, labels);
    }

    private CameraKind judgeCameraKind() {
        List<EgoMotionFrame> reliable = frames.stream().filter(EgoMotionFrame::reliable).toList();
        if (reliable.isEmpty()) return CameraKind.UNKNOWN;
        double stillFraction = reliable.stream().filter(this::still).count() / (double) reliable.size();
        double covered = reliable.getLast().endTime() - reliable.getFirst().startTime();
        if (stillFraction >= config.fixedCameraStillFraction() && covered >= config.fixedCameraSeconds()) return CameraKind.FIXED;
        // Any one-second stretch that is not still means the camera does move.
        int run = 0;
        for (EgoMotionFrame frame : reliable) {
            run = still(frame) ? 0 : run + 1;
            if (run >= 2 && frame.duration() * run >= 1.0) return CameraKind.MOVING;
        }
        return CameraKind.UNKNOWN;
    }

    /**
     * Whether each pair counts as still. A still pair also needs a still longer baseline around it when there is
     * one: motion too slow to show between neighbouring frames shows over the baseline.
     */
    private void judgeStillness() {
        List<EgoMotionFrame> baselines = frames.stream().filter(EgoMotionFrame::hasBaseline).toList();
        int next = 0;
        for (EgoMotionFrame pair : frames) {
            while (next < baselines.size() && baselines.get(next).endTime() < pair.endTime() - 1e-6) next++;
            boolean spanned = next < baselines.size() && baselines.get(next).baselineStart() <= pair.startTime() + 1e-6;
            // The baseline can only reveal motion, never hide it: at speed, points tracked over a whole second are
            // lost and what remains (bonnet, overlay) looks still.
            stillness.put(pair, pair.still() && (!spanned || baselines.get(next).baselineStill(config)));
        }
        for (EgoMotionFrame closing : frames) {
            if (Double.isNaN(closing.viewUnchangedSince())) continue;
            for (EgoMotionFrame pair : frames) {
                if (pair.startTime() >= closing.viewUnchangedSince() - 1e-6 && pair.endTime() <= closing.endTime() + 1e-6) stillness.put(pair, true);
            }
        }
    }

    private boolean still(EgoMotionFrame pair) {
        return stillness.getOrDefault(pair, pair.still());
    }

    private static double median(List<EgoMotionFrame> frames, java.util.function.ToDoubleFunction<EgoMotionFrame> value) {
        return FlowModelFitter.median(frames.stream().mapToDouble(value).toArray());
    }
}
