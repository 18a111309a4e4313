package io.sightline.motion.track;

import io.sightline.motion.ego.EgoMotionFrame;
import io.sightline.vision.image.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ByteTrack (Zhang et al., 2022) over sampled frames: a Kalman filter per object, Hungarian assignment on
 * box overlap, and a second association that lets low-score detections keep existing tracks alive. For
 * sparse sampling (2-5 fps) the overlap is complemented by a centre-distance gate, because a crossing
 * object can move further than its own width between two frames.
 *
 * <p>Feed it frame by frame, in time order; ask for {@link #tracks()} at any point (typically at the end).
 * Not thread-safe; one per video.
 */
public final class MultiObjectTracker {
    /** Classes that detectors confuse with each other; matching across families is not allowed. */
    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("car", "truck", "bus", "train"),
            Set.of("motorcycle", "bicycle"));

    private final TrackerConfig config;
    private final RelativeMotionClassifier classifier;
    private final List<LiveTrack> live = new ArrayList<>();
    private final List<LiveTrack> ended = new ArrayList<>();
    private final List<EgoMotionFrame> ego = new ArrayList<>();
    private double lastTime = Double.NaN;
    private int nextId = 1;

    private MultiObjectTracker(TrackerConfig config) {
        this.config = config;
        this.classifier = new RelativeMotionClassifier(config.motion());
    }

    public static MultiObjectTracker create(TrackerConfig config) {
        return new MultiObjectTracker(config);
    }

    public static MultiObjectTracker create() {
        return create(TrackerConfig.defaults());
    }

    /** One frame without ego-motion: motion is then judged relative to the camera only. */
    public List<Track> update(double timeSeconds, List<ObservedDetection> detections) {
        return step(timeSeconds, detections, null);
    }

    /**
     * One frame, with the camera's motion since the previous frame (from
     * {@link io.sightline.motion.ego.EgoMotionEstimator} on the same frames).
     *
     * @return the confirmed tracks observed in this frame
     */
    public List<Track> update(double timeSeconds, List<ObservedDetection> detections, EgoMotionFrame egoSincePreviousFrame) {
        return step(timeSeconds, detections, egoSincePreviousFrame);
    }

    /** All confirmed tracks so far, ended and active, ordered by id. */
    public List<Track> tracks() {
        List<Track> result = new ArrayList<>();
        for (LiveTrack track : ended) result.add(track.snapshot(false));
        for (LiveTrack track : live) if (track.id > 0) result.add(track.snapshot(true));
        result.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return result;
    }

    private List<Track> step(double time, List<ObservedDetection> detections, EgoMotionFrame egoFrame) {
        if (time <= lastTime) throw new IllegalArgumentException("frame times must increase: " + time + " after " + lastTime);
        double dt = Double.isNaN(lastTime) ? 0 : time - lastTime;
        lastTime = time;
        if (egoFrame != null) ego.add(egoFrame);
        for (LiveTrack track : live) track.filter.predict(dt);

        List<ObservedDetection> high = new ArrayList<>(), low = new ArrayList<>();
        for (ObservedDetection d : detections) {
            double score = d.detection().score();
            if (score >= config.highScore()) high.add(d);
            else if (score >= config.lowScore()) low.add(d);
        }
        List<LiveTrack> confirmed = live.stream().filter(t -> t.id > 0).toList();
        List<LiveTrack> tentative = live.stream().filter(t -> t.id == 0).toList();
        List<LiveTrack> matchedTracks = new ArrayList<>();

        // 1. High-score detections against all confirmed tracks, including those currently missed.
        List<LiveTrack> unmatchedConfirmed = new ArrayList<>(confirmed);
        List<ObservedDetection> unmatchedHigh = new ArrayList<>(high);
        associate(unmatchedConfirmed, unmatchedHigh, config.firstMatchSimilarity(), time, matchedTracks);
        // 2. Low-score detections keep tracks alive that were seen in the previous frame.
        List<LiveTrack> recentlySeen = new ArrayList<>(unmatchedConfirmed.stream().filter(t -> t.misses == 0).toList());
        List<ObservedDetection> unmatchedLow = new ArrayList<>(low);
        associate(recentlySeen, unmatchedLow, config.secondMatchSimilarity(), time, matchedTracks);
        // 3. Tentative tracks take what is left of the high-score detections. They have no velocity yet, so
        //    they get the same lenient threshold as the first association, not ByteTrack's stricter one.
        List<LiveTrack> unmatchedTentative = new ArrayList<>(tentative);
        associate(unmatchedTentative, unmatchedHigh, config.firstMatchSimilarity(), time, matchedTracks);

        for (LiveTrack track : new ArrayList<>(live)) {
            if (matchedTracks.contains(track)) continue;
            track.misses++;
            if (track.id == 0) {
                live.remove(track);
            } else if (track.misses > config.maxMisses()) {
                live.remove(track);
                ended.add(track);
            }
        }
        for (LiveTrack track : matchedTracks) {
            if (track.id == 0 && track.path.size() >= config.minHits()) track.id = nextId++;
        }
        for (ObservedDetection d : unmatchedHigh) {
            if (d.detection().score() < config.newTrackScore()) continue;
            LiveTrack track = new LiveTrack(d, time);
            if (config.minHits() <= 1) track.id = nextId++;
            live.add(track);
        }
        List<Track> observed = new ArrayList<>();
        for (LiveTrack track : live) {
            if (track.id > 0 && track.misses == 0) observed.add(track.snapshot(true));
        }
        return observed;
    }

    /** Hungarian assignment; matched pairs are removed from both lists and the tracks updated. */
    private void associate(List<LiveTrack> tracks, List<ObservedDetection> detections, double minSimilarity, double time,
                           List<LiveTrack> matched) {
        if (tracks.isEmpty() || detections.isEmpty()) return;
        double[][] cost = new double[tracks.size()][detections.size()];
        double[][] similarity = new double[tracks.size()][detections.size()];
        for (int i = 0; i < tracks.size(); i++) {
            Box predicted = tracks.get(i).filter.box();
            for (int j = 0; j < detections.size(); j++) {
                double s = sameFamily(tracks.get(i).lastLabel, detections.get(j).detection().label())
                        ? matchSimilarity(predicted, detections.get(j).detection().box(), config.centreGate()) : 0;
                similarity[i][j] = s;
                cost[i][j] = 1 - s;
            }
        }
        int[] assignment = LinearAssignment.solve(cost);
        boolean[] usedDetection = new boolean[detections.size()];
        boolean[] usedTrack = new boolean[tracks.size()];
        for (int i = 0; i < assignment.length; i++) {
            int j = assignment[i];
            if (j < 0 || similarity[i][j] < minSimilarity) continue;
            tracks.get(i).observe(detections.get(j), time);
            matched.add(tracks.get(i));
            usedTrack[i] = true;
            usedDetection[j] = true;
        }
        List<LiveTrack> leftTracks = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) if (!usedTrack[i]) leftTracks.add(tracks.get(i));
        List<ObservedDetection> leftDetections = new ArrayList<>();
        for (int j = 0; j < detections.size(); j++) if (!usedDetection[j]) leftDetections.add(detections.get(j));
        tracks.clear();
        tracks.addAll(leftTracks);
        detections.clear();
        detections.addAll(leftDetections);
    }

    /**
     * Overlap of the predicted and detected boxes, or — when they barely overlap — up to 0.5 for centres
     * within {@code gate} box diagonals of each other and heights within a factor of two.
     */
    static double matchSimilarity(Box predicted, Box detected, double gate) {
        double iou = predicted.iou(detected);
        double heightRatio = Math.min(predicted.height(), detected.height()) / Math.max(Math.max(predicted.height(), detected.height()), 1e-9);
        if (heightRatio < 0.5) return iou;
        double diagonal = (Math.hypot(predicted.width(), predicted.height()) + Math.hypot(detected.width(), detected.height())) / 2;
        double distance = Math.hypot(predicted.centerX() - detected.centerX(), predicted.centerY() - detected.centerY());
        double gated = distance < gate * diagonal ? 0.5 * (1 - distance / (gate * diagonal)) : 0;
        return Math.max(iou, gated);
    }

    private static boolean sameFamily(String a, String b) {
        if (a.equals(b)) return true;
        for (Set<String> family : FAMILIES) if (family.contains(a) && family.contains(b)) return true;
        return false;
    }

    private final class LiveTrack {
        final KalmanBoxFilter filter;
        final List<TrackPoint> path = new ArrayList<>();
        final Map<String, Double> labelScores = new HashMap<>();
        final Map<String, Integer> colourVotes = new HashMap<>();
        String lastLabel;
        int id;
        int misses;

        LiveTrack(ObservedDetection first, double time) {
            filter = new KalmanBoxFilter(first.detection().box());
            record(first, time);
        }

        void observe(ObservedDetection detection, double time) {
            filter.update(detection.detection().box());
            misses = 0;
            record(detection, time);
        }

        private void record(ObservedDetection detection, double time) {
            path.add(new TrackPoint(time, detection.detection().box(), detection.detection().score()));
            lastLabel = detection.detection().label();
            labelScores.merge(lastLabel, detection.detection().score(), Double::sum);
            detection.colour().ifPresent(c -> colourVotes.merge(c, 1, Integer::sum));
        }

        Track snapshot(boolean active) {
            String label = labelScores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String colour = colourVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            double from = path.getFirst().time(), to = path.getLast().time();
            List<EgoMotionFrame> during = ego.stream().filter(f -> f.endTime() > from && f.startTime() < to).toList();
            return new Track(id, label, colour, path, active, during, classifier);
        }
    }
}
