package io.sightline.motion.track;

import io.sightline.motion.ego.EgoMotionFrame;
import java.util.List;
import java.util.Optional;

/**
 * One object followed across frames: an immutable snapshot taken from the {@link MultiObjectTracker}.
 * The class and colour are votes over all observations (score-weighted for the class), because single
 * detections flip between car and truck, or read a colour under a shadow.
 */
public final class Track {
    private final int id;
    private final String label;
    private final String colour;
    private final List<TrackPoint> path;
    private final boolean active;
    private final List<EgoMotionFrame> ego;
    private final RelativeMotionClassifier classifier;

    Track(int id, String label, String colour, List<TrackPoint> path, boolean active, List<EgoMotionFrame> ego,
          RelativeMotionClassifier classifier) {
        this.id = id;
        this.label = label;
        this.colour = colour;
        this.path = List.copyOf(path);
        this.active = active;
        this.ego = List.copyOf(ego);
        this.classifier = classifier;
    }

    /** Unique within one tracker, counting up from 1 in order of confirmation. */
    public int id() {
        return id;
    }

    /** The class with the highest summed detection score. */
    public String label() {
        return label;
    }

    /** The most frequent colour attribute, empty when no observation had one. */
    public Optional<String> colour() {
        return Optional.ofNullable(colour);
    }

    public double firstSeen() {
        return path.getFirst().time();
    }

    public double lastSeen() {
        return path.getLast().time();
    }

    /** Every observation, in time order. */
    public List<TrackPoint> path() {
        return path;
    }

    /** Still being followed (not ended by misses) when the snapshot was taken. */
    public boolean active() {
        return active;
    }

    /** Motion over the whole track. */
    public TrackMotion motion() {
        return classifier.classify(label, path, ego);
    }

    /** Motion over the observations with start &lt;= time &lt;= end (e.g. one segment); empty when fewer than two. */
    public Optional<TrackMotion> motionBetween(double start, double end) {
        List<TrackPoint> span = path.stream().filter(p -> p.time() >= start && p.time() <= end).toList();
        return span.size() < 2 ? Optional.empty() : Optional.of(classifier.classify(label, span, ego));
    }

    @Override
    public String toString() {
        return "Track[" + id + " " + label + (colour == null ? "" : " " + colour) + " " + firstSeen() + "-" + lastSeen() + "s, "
                + path.size() + " points]";
    }
}
