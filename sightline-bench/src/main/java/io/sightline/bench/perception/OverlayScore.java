package io.sightline.bench.perception;

import io.sightline.api.Segment;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.bench.ocr.OverlayEvaluation;
import io.sightline.vision.overlay.OverlayParser;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The overlay text the perception wrote into the segments against the labelled overlay lines,
 * scored with {@link OverlayEvaluation}'s own rules so the two evaluations agree: its character
 * error rate, and its expected clock and speed at a given time.
 *
 * <ul>
 *   <li>Per labelled line: the run of words of an overlay row ({@link #wordRuns}) of the read nearest
 *       in time that is closest to the line.
 *       Overlays are re-read once per segment, so the nearest read may be up to a second off and a
 *       clock that ticked meanwhile costs a character; the table shows the read's time.</li>
 *   <li>Per segment (what a caption says): the first overlay read of the segment with a parsed
 *       timestamp (else its first overlay read), its clock and speed against the truth at that
 *       read's time. A segment without an overlay read has no clock, which counts as wrong.</li>
 * </ul>
 */
record OverlayScore(List<LineResult> lines, List<SegmentResult> segments) {

    /** Speeds are shown in whole km/h. */
    private static final double SPEED_TOLERANCE_KMH = 0.5;

    record LineResult(double t, String truth, String read, double readAt, double cer) {}

    record SegmentResult(int index, double t, LocalTime clock, Double clockTruth, Double speed, Double speedTruth,
                         boolean clockRight, boolean speedRight) {}

    /** @param truthLines the clip's {@code overlay} entries as (t, text) */
    static OverlayScore score(List<Segment> segments, List<Map.Entry<Double, String>> truthLines) {
        TreeMap<Double, List<OnScreenText>> reads = new TreeMap<>();
        for (Segment s : segments) {
            for (OnScreenText text : s.texts() == null ? List.<OnScreenText>of() : s.texts()) {
                if (text.overlay()) reads.computeIfAbsent(text.t(), t -> new ArrayList<>()).add(text);
            }
        }
        List<OverlayEvaluation.TruthLine> truth = truthLines.stream().map(e -> new OverlayEvaluation.TruthLine(e.getKey(), e.getValue())).toList();

        List<LineResult> lines = new ArrayList<>();
        for (Map.Entry<Double, String> line : truthLines) {
            Map.Entry<Double, List<OnScreenText>> read = nearest(reads, line.getKey());
            String best = "";
            double bestCer = OverlayEvaluation.cer("", line.getValue());
            for (OnScreenText row : read == null ? List.<OnScreenText>of() : read.getValue()) {
                for (String candidate : wordRuns(row.text())) {
                    double cer = OverlayEvaluation.cer(candidate, line.getValue());
                    if (cer < bestCer) {
                        best = candidate;
                        bestCer = cer;
                    }
                }
            }
            lines.add(new LineResult(line.getKey(), line.getValue(), best, read == null ? Double.NaN : read.getKey(), bestCer));
        }

        List<SegmentResult> results = new ArrayList<>();
        for (Segment s : segments) {
            List<OnScreenText> overlay = s.texts() == null ? List.of() : s.texts().stream().filter(OnScreenText::overlay).toList();
            OnScreenText read = overlay.stream().filter(t -> t.parsed().containsKey("timestamp")).findFirst()
                    .orElse(overlay.isEmpty() ? null : overlay.getFirst());
            double t = read == null ? s.startSeconds() : read.t();
            LocalTime clock = read == null ? null : Optional.ofNullable(read.parsed().get("timestamp")).flatMap(OverlayParser::clock).orElse(null);
            Double speed = overlay.stream().filter(x -> x.t() == t && x.parsed().containsKey("speed_kmh")).findFirst()
                    .map(x -> Double.parseDouble(x.parsed().get("speed_kmh"))).orElse(null);
            Double clockTruth = OverlayEvaluation.clockTruth(truth, t);
            Double speedTruth = OverlayEvaluation.speedTruth(truth, t);
            boolean clockRight = clockTruth != null && clock != null
                    && Math.abs(clock.toSecondOfDay() - clockTruth) < OverlayEvaluation.CLOCK_TOLERANCE_SECONDS + 1e-9;
            boolean speedRight = speedTruth != null && speed != null && Math.abs(speed - speedTruth) < SPEED_TOLERANCE_KMH;
            results.add(new SegmentResult(s.index(), t, clock, clockTruth, speed, speedTruth, clockRight, speedRight));
        }
        return new OverlayScore(lines, results);
    }

    double cerSum() {
        return lines.stream().mapToDouble(LineResult::cer).sum();
    }

    int clocks() {
        return (int) segments.stream().filter(s -> s.clockTruth() != null).count();
    }

    int clocksRight() {
        return (int) segments.stream().filter(SegmentResult::clockRight).count();
    }

    int speeds() {
        return (int) segments.stream().filter(s -> s.speedTruth() != null).count();
    }

    int speedsRight() {
        return (int) segments.stream().filter(SegmentResult::speedRight).count();
    }

    /**
     * Every run of consecutive words of a row: a segment's overlay row joins all overlays of one band
     * ("2015-08-21 08:10:31 006km/h DR650GW-2CH/FHD-HD" holds a clock at the left and a camera model
     * at the right, labelled as two lines), so a line is compared with the part of the row it is.
     */
    static List<String> wordRuns(String row) {
        String[] words = row.strip().split("\\s+");
        List<String> runs = new ArrayList<>();
        for (int from = 0; from < words.length; from++) {
            for (int to = from + 1; to <= words.length; to++) runs.add(String.join(" ", java.util.Arrays.copyOfRange(words, from, to)));
        }
        return runs;
    }

    private static <V> Map.Entry<Double, V> nearest(TreeMap<Double, V> byTime, double t) {
        Map.Entry<Double, V> below = byTime.floorEntry(t), above = byTime.ceilingEntry(t);
        if (below == null) return above;
        if (above == null) return below;
        return t - below.getKey() <= above.getKey() - t ? below : above;
    }

    /**
     * {@link OverlayEvaluation}'s scoring, reached through its private members: it keeps them private,
     * and a copy would drift from it. Fails at start-up, saying which member is gone, if it changes.
     */
}
