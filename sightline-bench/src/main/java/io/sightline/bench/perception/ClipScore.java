package io.sightline.bench.perception;

import io.sightline.api.Segment;
import io.sightline.api.Segment.SegmentObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a clip's segments compare with its ground truth.
 *
 * <p>An item is <b>found</b> when a segment that matches it ({@link Expectation#matches}) overlaps its
 * interval widened by {@link #TOLERANCE_SECONDS}. Its <b>temporal IoU</b> is that of the interval and
 * the runs of consecutive matching segments that overlap it, so reporting an object long before or
 * after it was there costs as much as missing part of it. A <b>false alarm</b> is a perceived event —
 * a track showing a crossing, overtaking or cut-in motion over consecutive segments — that no item
 * of the clip explains (class, motion when the item names one, time).
 */
record ClipScore(List<ItemResult> items, List<EventResult> events, double durationSeconds) {

    /** ground-truth.json: "Labels are approximate (+-0.5 s)". */
    static final double TOLERANCE_SECONDS = 0.5;

    /**
     * @param perceived what the segments around the item held, for telling a detector miss from a wrong motion
     */
    record ItemResult(Expectation item, boolean found, boolean colourRight, double iou, List<double[]> matchedRuns, String perceived) {}

    record EventResult(PerceivedEvent event, boolean falseAlarm) {}

    static ClipScore score(List<Segment> segments, List<Expectation> items, double durationSeconds) {
        List<ItemResult> results = new ArrayList<>();
        for (Expectation item : items) {
            List<double[]> runs = runsAround(segments, item, false);
            boolean found = !runs.isEmpty();
            boolean colourRight = found && !runsAround(segments, item, true).isEmpty();
            results.add(new ItemResult(item, found, colourRight, found ? iou(item.start(), item.end(), runs) : 0, runs, perceived(segments, item)));
        }
        List<EventResult> events = new ArrayList<>();
        for (PerceivedEvent event : events(segments)) {
            boolean explained = items.stream().anyMatch(i -> i.explains(event, TOLERANCE_SECONDS));
            events.add(new EventResult(event, !explained));
        }
        return new ClipScore(results, events, durationSeconds);
    }

    int found() {
        return (int) items.stream().filter(ItemResult::found).count();
    }

    int colourRight() {
        return (int) items.stream().filter(ItemResult::colourRight).count();
    }

    double iouSum() {
        return items.stream().mapToDouble(ItemResult::iou).sum();
    }

    int falseAlarms() {
        return (int) events.stream().filter(EventResult::falseAlarm).count();
    }

    /** Runs of consecutive matching segments that overlap the item's widened interval, as [start, end]. */
    static List<double[]> runsAround(List<Segment> segments, Expectation item, boolean withColour) {
        List<double[]> runs = new ArrayList<>();
        double[] run = null;
        for (Segment s : segments) {
            if (!item.matches(s, withColour)) {
                run = null;
                continue;
            }
            if (run == null) {
                run = new double[] {s.startSeconds(), s.endSeconds()};
                runs.add(run);
            } else {
                run[1] = s.endSeconds();
            }
        }
        return runs.stream().filter(r -> r[0] <= item.end() + TOLERANCE_SECONDS && r[1] >= item.start() - TOLERANCE_SECONDS).toList();
    }

    /** IoU of [start, end] and disjoint runs. */
    static double iou(double start, double end, List<double[]> runs) {
        double truth = Math.max(end - start, 1e-6);
        double intersection = 0, covered = 0;
        for (double[] r : runs) {
            covered += r[1] - r[0];
            intersection += Math.max(0, Math.min(end, r[1]) - Math.max(start, r[0]));
        }
        return intersection / (truth + covered - intersection);
    }

    /** Every track's runs of one event motion over consecutive segments, in time order. */
    static List<PerceivedEvent> events(List<Segment> segments) {
        Map<String, Integer> open = new HashMap<>(); // track id -> index of its event running up to the previous segment
        List<PerceivedEvent> events = new ArrayList<>();
        for (Segment s : segments) {
            Map<String, Integer> stillOpen = new HashMap<>();
            for (SegmentObject o : s.objects() == null ? List.<SegmentObject>of() : s.objects()) {
                if (!PerceivedEvent.EVENT_MOTIONS.contains(o.motion())) continue;
                Integer at = open.get(o.trackId());
                if (at != null && events.get(at).motion().equals(o.motion())) {
                    PerceivedEvent e = events.get(at);
                    events.set(at, new PerceivedEvent(e.trackId(), e.label(), e.motion(), e.start(), s.endSeconds()));
                } else {
                    at = events.size();
                    events.add(new PerceivedEvent(o.trackId(), o.label(), o.motion(), s.startSeconds(), s.endSeconds()));
                }
                stillOpen.put(o.trackId(), at);
            }
            open = stillOpen;
        }
        return events;
    }

    /** The distinct objects (label colour motion) and camera states of the segments around the item. */
    private static String perceived(List<Segment> segments, Expectation item) {
        Set<String> seen = new LinkedHashSet<>();
        for (Segment s : segments) {
            if (s.endSeconds() <= item.start() - TOLERANCE_SECONDS || s.startSeconds() >= item.end() + TOLERANCE_SECONDS) continue;
            if (item.labels().isEmpty()) {
                if (s.camera() != null) seen.add(s.camera().state() + "/" + s.camera().turn() + "/" + s.camera().laneChange());
                continue;
            }
            if (s.objects() == null) continue;
            s.objects().stream()
                    .sorted((a, b) -> Double.compare(b.closeness(), a.closeness()))
                    .forEach(o -> seen.add(o.label() + " " + o.color() + " " + o.motion() + (o.closeness() >= Expectation.CLOSE ? " close" : "")));
        }
        return seen.isEmpty() ? "nothing" : String.join("; ", seen.stream().limit(8).toList()) + (seen.size() > 8 ? "; +" + (seen.size() - 8) : "");
    }
}
