package io.sightline.bench.perception;

import io.sightline.api.Segment;
import io.sightline.api.Segment.SegmentObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the perception must show, in the fields of a segment, for one item of {@code ground-truth.json}.
 * Empty sets and null camera fields mean "any". {@link Vocabulary} derives it from the item's words.
 *
 * @param labels      COCO labels accepted for the item's subject; empty when the item is about the camera only
 * @param colours     colours accepted for the subject; scored apart, so a wrong colour name is not a miss
 * @param motions     motions relative to the camera accepted for the subject
 * @param close       the subject must be close (closeness at least {@link #CLOSE}, the caption's "close")
 * @param cameraState {@code static}, {@code stopped} or {@code moving}
 * @param unmeasured  words of the label that no segment field can show (collisions, signs, another car braking)
 */
record Expectation(String text, String kind, double start, double end, Set<String> labels, Set<String> colours,
                   Set<String> motions, boolean close, String cameraState, String turn, String laneChange,
                   List<String> unmeasured) {

    /** The closeness the captions call "close" (docs/segments.md). */
    static final double CLOSE = 0.6;

    Expectation {
        labels = Set.copyOf(labels);
        colours = Set.copyOf(colours);
        motions = Set.copyOf(motions);
        unmeasured = List.copyOf(unmeasured);
    }

    /** Whether any segment field could show the item at all. */
    boolean measurable() {
        return !labels.isEmpty() || cameraState != null || turn != null || laneChange != null;
    }

    /** Whether the segment shows the item; {@code withColour} also asks for the subject's colour. */
    boolean matches(Segment segment, boolean withColour) {
        if (!measurable()) return false;
        if (!labels.isEmpty()) {
            if (segment.objects() == null || segment.objects().stream().noneMatch(o -> matches(o, withColour))) return false;
        }
        if (cameraState != null || turn != null || laneChange != null) {
            Segment.CameraMotion camera = segment.camera();
            if (camera == null) return false;
            if (cameraState != null && !cameraState.equals(camera.state())) return false;
            if (turn != null && !turn.equals(camera.turn())) return false;
            if (laneChange != null && !laneChange.equals(camera.laneChange())) return false;
        }
        return true;
    }

    boolean matches(SegmentObject object, boolean withColour) {
        return labels.contains(object.label())
                && (motions.isEmpty() || motions.contains(object.motion()))
                && (!close || object.closeness() >= CLOSE)
                && (!withColour || colours.isEmpty() || colours.contains(object.color()));
    }

    /** Whether a perceived motion event (a track's run of one motion) is this item: class, motion when one is named, time. */
    boolean explains(PerceivedEvent event, double tolerance) {
        return labels.contains(event.label()) && (motions.isEmpty() || motions.contains(event.motion()))
                && event.start() <= end + tolerance && event.end() >= start - tolerance;
    }

    /** The wanted fields in a few words, for the tables. */
    String wanted() {
        if (!measurable()) return "not measurable";
        List<String> parts = new ArrayList<>();
        if (!labels.isEmpty()) parts.add(String.join("/", sorted(labels)));
        if (!colours.isEmpty()) parts.add("colour " + String.join("/", sorted(colours)));
        if (!motions.isEmpty()) parts.add(motions.size() > 3 ? "moving" : String.join("/", sorted(motions)));
        if (close) parts.add("close");
        if (cameraState != null) parts.add("camera " + cameraState);
        if (turn != null) parts.add("turn " + turn);
        if (laneChange != null) parts.add("lane change " + laneChange);
        return String.join(", ", parts);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
