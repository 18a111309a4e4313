package io.sightline.motion.track;

import io.sightline.motion.ego.EgoMotionFrame;
import io.sightline.vision.image.Box;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a track's {@link RelativeMotion}s over a span of its path from least-squares trends of the box
 * centre, bottom edge and size. Where ego-motion is given, the background's own flow at the box's foot is
 * subtracted first, so that a parked car the camera drives past is stationary and a turn of the camera
 * does not make everything cross.
 */
final class RelativeMotionClassifier {
    /** Classes that drive in lanes: only they overtake or cut in. */
    private static final Set<String> VEHICLES = Set.of("car", "truck", "bus", "motorcycle", "bicycle");
    private static final double EDGE = 0.02;

    private final MotionThresholds thresholds;

    RelativeMotionClassifier(MotionThresholds thresholds) {
        this.thresholds = thresholds;
    }

    TrackMotion classify(String label, List<TrackPoint> path, List<EgoMotionFrame> ego) {
        TrackKinematics k = kinematics(path, ego);
        Box last = path.getLast().box();
        Proximity proximity = last.height() >= 0.3 || last.y2() >= 0.9 ? Proximity.NEAR
                : last.height() >= 0.1 ? Proximity.MEDIUM : Proximity.FAR;
        List<MotionFinding> findings = new ArrayList<>();
        if (k.samples() >= thresholds.minSamples() && k.duration() >= thresholds.minSeconds()) {
            findings.addAll(rules(label, path, k));
        }
        Set<RelativeMotion> labels = EnumSet.noneOf(RelativeMotion.class);
        findings.forEach(f -> labels.add(f.motion()));
        return new TrackMotion(labels, findings, k, proximity, k.timeToContact());
    }

    private List<MotionFinding> rules(String label, List<TrackPoint> path, TrackKinematics k) {
        List<MotionFinding> findings = new ArrayList<>();
        MotionThresholds t = thresholds;
        if (k.growthRate() >= t.growthRate() && k.bottomVelocity() >= -t.bottomTolerance()) {
            findings.add(finding(RelativeMotion.APPROACHING, "growthRate >= " + t.growthRate() + " and bottomVelocity >= -" + t.bottomTolerance(),
                    k, "growthRate", k.growthRate(), "bottomVelocity", k.bottomVelocity(), "timeToContact", k.timeToContact(),
                    "endHeight", k.endHeight(), "endBottomY", k.endBottomY()));
        }
        if (k.growthRate() <= -t.growthRate() && k.bottomVelocity() <= t.bottomTolerance()) {
            findings.add(finding(RelativeMotion.RECEDING, "growthRate <= -" + t.growthRate() + " and bottomVelocity <= " + t.bottomTolerance(),
                    k, "growthRate", k.growthRate(), "bottomVelocity", k.bottomVelocity(), "endHeight", k.endHeight()));
        }

        boolean vehicle = VEHICLES.contains(label);
        Box first = path.getFirst().box();
        boolean fromLeft = k.startCentreX() <= t.sideRegion() || first.x1() <= EDGE;
        boolean fromRight = k.startCentreX() >= 1 - t.sideRegion() || first.x2() >= 1 - EDGE;
        double move = k.endCentreX() - k.startCentreX();
        boolean shrinking = k.growthRate() <= -t.growthRate();
        boolean overtakingLeft = vehicle && fromLeft && shrinking && move > 0 && k.endCentreX() < 1 - t.sideRegion();
        boolean overtakingRight = vehicle && fromRight && shrinking && move < 0 && k.endCentreX() > t.sideRegion();
        if (overtakingLeft || overtakingRight) {
            findings.add(finding(overtakingLeft ? RelativeMotion.OVERTAKING_LEFT : RelativeMotion.OVERTAKING_RIGHT,
                    "vehicle first seen at the " + (overtakingLeft ? "left" : "right") + " side, shrinking while moving towards the centre",
                    k, "startCentreX", k.startCentreX(), "endCentreX", k.endCentreX(), "growthRate", k.growthRate(),
                    "firstBoxX1", first.x1(), "firstBoxX2", first.x2()));
        }

        double startOffset = Math.abs(k.startCentreX() - 0.5);
        double endOffset = Math.abs(k.endCentreX() - 0.5);
        boolean endsInCorridor = endOffset <= t.corridorHalfWidth() && lastTwoInCorridor(path);
        boolean cutIn = vehicle && startOffset >= t.corridorHalfWidth() + 0.05 && endsInCorridor
                && startOffset - endOffset >= 0.1 && k.endBottomY() >= t.aheadBottomY();
        if (cutIn) {
            findings.add(finding(RelativeMotion.CUTTING_IN_AHEAD,
                    "vehicle moved from a side into the corridor 0.5 +- " + t.corridorHalfWidth() + " with its bottom below " + t.aheadBottomY(),
                    k, "startCentreX", k.startCentreX(), "endCentreX", k.endCentreX(), "endBottomY", k.endBottomY(),
                    "centreXVelocity", k.centreXVelocity()));
        }

        double sceneMove = k.sceneCentreXVelocity() * k.duration();
        boolean lateralDominates = Math.abs(k.sceneCentreXVelocity()) / Math.max(k.meanWidth(), 1e-3) >= Math.abs(k.growthRate());
        boolean crossing = !cutIn && !overtakingLeft && !overtakingRight
                && Math.abs(k.sceneCentreXVelocity()) >= t.crossingSpeed()
                && Math.abs(sceneMove) >= Math.max(t.crossingDistance(), t.crossingWidths() * k.meanWidth())
                && k.monotonicity() >= 0.6 && lateralDominates;
        if (crossing) {
            findings.add(finding(sceneMove > 0 ? RelativeMotion.CROSSING_LEFT_TO_RIGHT : RelativeMotion.CROSSING_RIGHT_TO_LEFT,
                    "moved sideways in the scene by more than " + t.crossingDistance() + " of the frame and " + t.crossingWidths()
                            + " of its width, faster than " + t.crossingSpeed() + "/s",
                    k, "sceneCentreXVelocity", k.sceneCentreXVelocity(), "sceneMove", sceneMove, "meanWidth", k.meanWidth(),
                    "monotonicity", k.monotonicity(), "egoCoverage", k.egoCoverage()));
        }

        boolean knowsScene = k.cameraMoving() == 0 || k.egoCoverage() >= 0.8;
        boolean still = Math.abs(k.sceneCentreXVelocity()) <= t.stationarySpeed()
                && Math.abs(k.sceneBottomVelocity()) <= t.stationarySpeed()
                && Math.abs(k.sceneGrowthRate()) <= t.stationaryGrowth();
        if (knowsScene && still && k.duration() >= t.minStationarySeconds()) {
            findings.add(finding(RelativeMotion.STATIONARY,
                    k.egoCoverage() > 0 ? "no motion left after removing the background flow at the box's foot"
                            : "no motion relative to the camera (no ego-motion given)",
                    k, "sceneCentreXVelocity", k.sceneCentreXVelocity(), "sceneBottomVelocity", k.sceneBottomVelocity(),
                    "sceneGrowthRate", k.sceneGrowthRate(), "egoCoverage", k.egoCoverage(), "cameraMoving", k.cameraMoving()));
        }
        return findings;
    }

    private boolean lastTwoInCorridor(List<TrackPoint> path) {
        int n = path.size();
        for (int i = Math.max(0, n - 2); i < n; i++) {
            if (Math.abs(path.get(i).box().centerX() - 0.5) > thresholds.corridorHalfWidth()) return false;
        }
        return true;
    }

    private static MotionFinding finding(RelativeMotion motion, String rule, TrackKinematics k, Object... namesAndValues) {
        Map<String, Double> evidence = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) evidence.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        evidence.put("duration", k.duration());
        evidence.put("samples", (double) k.samples());
        return new MotionFinding(motion, rule, evidence);
    }

    TrackKinematics kinematics(List<TrackPoint> path, List<EgoMotionFrame> ego) {
        int n = path.size();
        double[] t = new double[n], cx = new double[n], bottom = new double[n], logSize = new double[n];
        double[] sceneX = new double[n], sceneBottom = new double[n], sceneLogSize = new double[n];
        SizeMeasure measure = SizeMeasure.choose(path);
        double shiftX = 0, shiftBottom = 0, shiftLogSize = 0, covered = 0;
        boolean cameraMoving = false;
        for (int i = 0; i < n; i++) {
            TrackPoint point = path.get(i);
            Box box = point.box();
            if (i > 0) {
                Box previous = path.get(i - 1).box();
                double from = path.get(i - 1).time(), to = point.time();
                for (EgoMotionFrame frame : ego) {
                    if (frame.startTime() < from - 1e-6 || frame.endTime() > to + 1e-6 || !frame.reliable()) continue;
                    double[] d = frame.backgroundDisplacement(previous.centerX(), previous.y2());
                    shiftX += d[0];
                    shiftBottom += d[1];
                    shiftLogSize += Math.log1p(Math.max(-0.5, frame.backgroundExpansion(previous.y2())));
                    covered += frame.duration();
                    cameraMoving |= !frame.still();
                }
            }
            t[i] = point.time();
            cx[i] = box.centerX();
            bottom[i] = box.y2();
            logSize[i] = Math.log(Math.max(measure.of(box), 1e-4));
            sceneX[i] = cx[i] - shiftX;
            sceneBottom[i] = bottom[i] - shiftBottom;
            sceneLogSize[i] = logSize[i] - shiftLogSize;
        }
        double start = t[0], end = t[n - 1];
        double duration = end - start;
        double[] xFit = fit(t, cx);
        double[] bottomFit = fit(t, bottom);
        double growth = fit(t, logSize)[1];
        double sceneXVelocity = fit(t, sceneX)[1];
        int agreeing = 0, steps = 0;
        double overall = sceneX[n - 1] - sceneX[0];
        for (int i = 1; i < n; i++) {
            double step = sceneX[i] - sceneX[i - 1];
            if (step == 0) continue;
            steps++;
            if (Math.signum(step) == Math.signum(overall)) agreeing++;
        }
        double meanWidth = path.stream().mapToDouble(p -> p.box().width()).average().orElse(0);
        return new TrackKinematics(start, end, n,
                xFit[0] + xFit[1] * start, xFit[0] + xFit[1] * end, xFit[1], sceneXVelocity,
                bottomFit[0] + bottomFit[1] * start, bottomFit[0] + bottomFit[1] * end, bottomFit[1], fit(t, sceneBottom)[1],
                growth, fit(t, sceneLogSize)[1], growth > 0 ? 1 / growth : Double.POSITIVE_INFINITY,
                meanWidth, path.getLast().box().height(), steps == 0 ? 0 : agreeing / (double) steps,
                duration > 0 ? Math.min(1, covered / duration) : 0, cameraMoving ? 1 : 0);
    }

    /** Least-squares line {intercept, slope}; slope 0 for a single time. */
    private static double[] fit(double[] t, double[] v) {
        int n = t.length;
        double meanT = 0, meanV = 0;
        for (int i = 0; i < n; i++) { meanT += t[i]; meanV += v[i]; }
        meanT /= n; meanV /= n;
        double covariance = 0, variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (t[i] - meanT) * (v[i] - meanV);
            variance += (t[i] - meanT) * (t[i] - meanT);
        }
        double slope = variance > 0 ? covariance / variance : 0;
        return new double[] {meanV - slope * meanT, slope};
    }

    /**
     * Which box dimension measures the object's size: one that the frame border does not cut. Chosen once
     * per span, because switching measures mid-way would look like growth.
     */
    private enum SizeMeasure {
        HEIGHT, WIDTH, AREA;

        static SizeMeasure choose(List<TrackPoint> path) {
            long cutAtSide = path.stream().filter(p -> p.box().x1() <= EDGE || p.box().x2() >= 1 - EDGE).count();
            long cutAtTopOrBottom = path.stream().filter(p -> p.box().y1() <= EDGE || p.box().y2() >= 1 - EDGE).count();
            boolean side = cutAtSide * 2 > path.size();
            boolean vertical = cutAtTopOrBottom * 2 > path.size();
            if (side && !vertical) return HEIGHT;
            if (vertical && !side) return WIDTH;
            return side ? AREA : HEIGHT;
        }

        double of(Box box) {
            return switch (this) {
                case HEIGHT -> box.height();
                case WIDTH -> box.width();
                case AREA -> Math.sqrt(box.area());
            };
        }
    }
}
