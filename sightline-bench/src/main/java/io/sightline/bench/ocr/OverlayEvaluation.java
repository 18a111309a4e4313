package io.sightline.bench.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.ocr.OcrEngine;
import io.sightline.vision.ocr.TextLine;
import io.sightline.vision.overlay.OverlayParser;
import io.sightline.vision.overlay.OverlayRegion;
import io.sightline.vision.overlay.OverlayRereader;
import io.sightline.vision.overlay.OverlayTracker;
import io.sightline.vision.overlay.Speed;
import io.sightline.vision.overlay.TextRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Overlay reading quality on the clips of {@code ../shared/clips} (or the folder given as the first
 * argument) that have overlay text in {@code ground-truth.json}: the engine's way of working is
 * replayed — full frames once a second to find the stable overlay regions, then region reads — and
 * the table shows the character error rate of every labelled overlay line and, per second, the
 * parsed clock and speed against the truth. Skips cleanly when the folder or the truth is absent.
 *
 * <p>Run: {@code java -cp "sightline-bench/target/classes:sightline-bench/target/lib/*" io.sightline.bench.ocr.OverlayEvaluation}
 */
public final class OverlayEvaluation {
    /** The labelled clock ticks somewhere between labels: a read within this of the extrapolated truth is right. */
    public static final double CLOCK_TOLERANCE_SECONDS = 1.0;
    /** A labelled speed is compared at seconds this close to its label. */
    private static final double SPEED_LABEL_REACH_SECONDS = 0.5;

    public record TruthLine(double t, String text) {}

    private record Totals(int lines, double cerRegion, double cerFull, int clocks, int clocksRight, int speeds, int speedsRight,
                          double fullMs, double regionMs, int frames) {}

    public static void main(String[] args) throws Exception {
        Path clips = Path.of(args.length > 0 ? args[0] : "../shared/clips");
        Path truthFile = clips.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            System.out.println("overlay evaluation skipped: no " + truthFile.toAbsolutePath());
            return;
        }
        JsonNode truth = new ObjectMapper().readTree(truthFile.toFile()).path("clips");
        FrameGrabber grabber = new FrameGrabber();
        List<String> summary = new ArrayList<>();
        Totals all = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        try (OcrEngine ocr = OcrEngine.create(ModelStore.fromEnvironment(ModelStore.defaultDirectory()))) {
            long warm = System.nanoTime();
            ocr.warmUp();
            System.out.printf(Locale.ROOT, "OCR load + warm-up: %d ms%n", (System.nanoTime() - warm) / 1_000_000);
            for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) truth.properties()::iterator) {
                JsonNode overlay = entry.getValue().path("overlay");
                Path clip = clips.resolve(entry.getKey());
                if (!overlay.isArray() || overlay.isEmpty() || !Files.isRegularFile(clip)) continue;
                List<TruthLine> lines = new ArrayList<>();
                overlay.forEach(n -> lines.add(new TruthLine(n.path("t").asDouble(), n.path("text").asText())));
                Totals t = evaluate(ocr, grabber, clip, lines);
                summary.add(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %d/%d | %d/%d | %.0f | %.0f |", entry.getKey(), t.lines(),
                        t.cerRegion() / t.lines(), t.cerFull() / t.lines(), t.clocksRight(), t.clocks(), t.speedsRight(), t.speeds(),
                        t.fullMs() / t.frames(), t.regionMs() / t.frames()));
                all = new Totals(all.lines() + t.lines(), all.cerRegion() + t.cerRegion(), all.cerFull() + t.cerFull(),
                        all.clocks() + t.clocks(), all.clocksRight() + t.clocksRight(), all.speeds() + t.speeds(),
                        all.speedsRight() + t.speedsRight(), all.fullMs() + t.fullMs(), all.regionMs() + t.regionMs(), all.frames() + t.frames());
            }
        }
        if (summary.isEmpty()) {
            System.out.println("overlay evaluation skipped: no clip with overlay truth in " + clips.toAbsolutePath());
            return;
        }
        System.out.println();
        System.out.println("| clip | overlay lines | mean CER (region read) | mean CER (full frame) | clock right | speed right | full-frame OCR ms | region OCR ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        summary.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "| **total** | %d | %.3f | %.3f | %d/%d | %d/%d | %.0f | %.0f |%n", all.lines(),
                all.cerRegion() / all.lines(), all.cerFull() / all.lines(), all.clocksRight(), all.clocks(), all.speedsRight(), all.speeds(),
                all.fullMs() / all.frames(), all.regionMs() / all.frames());
    }

    private static Totals evaluate(OcrEngine ocr, FrameGrabber grabber, Path clip, List<TruthLine> truth) throws Exception {
        FrameGrabber.Probe probe = grabber.probe(clip);
        double aspect = (double) probe.width() / probe.height();
        OverlayTracker tracker = OverlayTracker.create(aspect);
        OverlayRereader rereader = new OverlayRereader(ocr);
        List<RgbImage> seconds = new ArrayList<>();
        double fullMs = 0;
        for (int s = 0; s < probe.seconds(); s++) {
            RgbImage frame = grabber.frameAt(clip, probe, s);
            if (frame == null) break;
            seconds.add(frame);
            long start = System.nanoTime();
            List<TextLine> lines = ocr.read(frame);
            fullMs += (System.nanoTime() - start) / 1e6;
            tracker.accept(s, lines);
        }
        List<OverlayRegion> regions = tracker.regions();
        System.out.printf(Locale.ROOT, "%n### %s (%dx%d, %.1f s): %d overlay region(s)%n", clip.getFileName(), probe.width(), probe.height(),
                probe.seconds(), regions.size());
        for (OverlayRegion r : regions) {
            System.out.printf(Locale.ROOT, "- region %d at (%.2f, %.2f)-(%.2f, %.2f): \"%s\"%n", r.id(), r.box().x1(), r.box().y1(), r.box().x2(),
                    r.box().y2(), r.latest().text());
        }

        System.out.println();
        System.out.println("| t (s) | truth | region read | CER | full-frame read | CER |");
        System.out.println("|---|---|---|---|---|---|");
        double cerRegion = 0, cerFull = 0;
        for (TruthLine line : truth) {
            RgbImage frame = grabber.frameAt(clip, probe, Math.min(line.t(), probe.seconds() - 0.05));
            List<TextLine> regionRows = frame == null ? List.of() : readRegions(rereader, frame, line.t(), tracker, aspect);
            List<TextLine> fullRows = frame == null ? List.of() : TextRows.merge(ocr.read(frame), aspect);
            TextLine bestRegion = closest(regionRows, line.text());
            TextLine bestFull = closest(fullRows, line.text());
            double cr = cer(bestRegion == null ? "" : bestRegion.text(), line.text());
            double cf = cer(bestFull == null ? "" : bestFull.text(), line.text());
            cerRegion += cr;
            cerFull += cf;
            System.out.printf(Locale.ROOT, "| %.2f | `%s` | `%s` | %.3f | `%s` | %.3f |%n", line.t(), line.text(),
                    bestRegion == null ? "" : bestRegion.text(), cr, bestFull == null ? "" : bestFull.text(), cf);
        }

        System.out.println();
        System.out.println("| second | clock read | clock truth | | speed read | speed truth | |");
        System.out.println("|---|---|---|---|---|---|---|");
        int clocks = 0, clocksRight = 0, speeds = 0, speedsRight = 0;
        double regionMs = 0;
        for (int s = 0; s < seconds.size(); s++) {
            long start = System.nanoTime();
            List<TextLine> rows = readRegions(rereader, seconds.get(s), s, tracker, aspect);
            regionMs += (System.nanoTime() - start) / 1e6;
            LocalTime clock = rows.stream().map(r -> OverlayParser.clock(r.text())).flatMap(Optional::stream).findFirst().orElse(null);
            Speed speed = rows.stream().map(r -> OverlayParser.speed(r.text())).flatMap(Optional::stream).findFirst().orElse(null);
            Double clockTruth = clockTruth(truth, s);
            Double speedTruth = speedTruth(truth, s);
            String clockMark = "", speedMark = "";
            if (clockTruth != null) {
                clocks++;
                boolean right = clock != null && Math.abs(clock.toSecondOfDay() - clockTruth) < CLOCK_TOLERANCE_SECONDS + 1e-9;
                if (right) clocksRight++;
                clockMark = right ? "ok" : "WRONG";
            }
            if (speedTruth != null) {
                speeds++;
                boolean right = speed != null && Math.abs(speed.kmh() - speedTruth) < 0.5;
                if (right) speedsRight++;
                speedMark = right ? "ok" : "WRONG";
            }
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |%n", s, clock == null ? "-" : clock,
                    clockTruth == null ? "-" : LocalTime.ofSecondOfDay((long) Math.floor(clockTruth)) + String.format(Locale.ROOT, " (+%.1f)", clockTruth % 1),
                    clockMark, speed == null ? "-" : String.format(Locale.ROOT, "%.0f km/h", speed.kmh()),
                    speedTruth == null ? "-" : String.format(Locale.ROOT, "%.0f km/h", speedTruth), speedMark);
        }
        System.out.printf(Locale.ROOT, "%nre-read overlay lines: %d recognised, %d kept from their last reading (pixels unchanged)%n",
                rereader.recognisedLines(), rereader.unchangedLines());
        return new Totals(truth.size(), cerRegion, cerFull, clocks, clocksRight, speeds, speedsRight, fullMs, regionMs, seconds.size());
    }

    /** Re-reads the overlay regions as perception does ({@link OverlayRereader}) and joins the result into rows. */
    private static List<TextLine> readRegions(OverlayRereader rereader, RgbImage frame, double seconds, OverlayTracker tracker, double aspect) {
        OverlayRereader.Reread read = rereader.reread(frame, seconds, tracker);
        List<TextLine> lines = new ArrayList<>(read.inPlace());
        read.bands().forEach(lines::addAll);
        return TextRows.merge(lines, aspect);
    }

    private static TextLine closest(List<TextLine> rows, String truth) {
        TextLine best = null;
        double bestCer = Double.MAX_VALUE;
        for (TextLine row : rows) {
            double c = cer(row.text(), truth);
            if (c < bestCer) {
                best = row;
                bestCer = c;
            }
        }
        return best;
    }

    /**
     * The clock the overlay should show at second {@code s}, as seconds of the day: interpolated
     * between the labelled clocks before and after {@code s}, or else the nearest labelled clock moved
     * on by the time between the label and {@code s}. Null without labels.
     */
    public static Double clockTruth(List<TruthLine> truth, double s) {
        TruthLine nearest = null;
        LocalTime nearestClock = null;
        TruthLine before = null, after = null;
        LocalTime beforeClock = null, afterClock = null;
        for (TruthLine line : truth) {
            Optional<LocalTime> clock = OverlayParser.clock(line.text());
            if (clock.isEmpty()) continue;
            if (nearest == null || Math.abs(line.t() - s) < Math.abs(nearest.t() - s)) {
                nearest = line;
                nearestClock = clock.get();
            }
            if (line.t() <= s && (before == null || line.t() > before.t())) {
                before = line;
                beforeClock = clock.get();
            }
            if (line.t() >= s && (after == null || line.t() < after.t())) {
                after = line;
                afterClock = clock.get();
            }
        }
        if (nearest == null) return null;
        // between two labelled times the clock is interpolated: the clips' clocks need not run at video speed
        // (dad_000512 shows 4 clock seconds in 4.95 s of video)
        if (before != null && after != null && after.t() > before.t()) {
            double from = beforeClock.toSecondOfDay(), to = afterClock.toSecondOfDay();
            return from + (to - from) * (s - before.t()) / (after.t() - before.t());
        }
        return nearestClock.toSecondOfDay() + (s - nearest.t());
    }

    public static Double speedTruth(List<TruthLine> truth, double s) {
        for (TruthLine line : truth) {
            Optional<Speed> speed = OverlayParser.speed(line.text());
            if (speed.isPresent() && Math.abs(line.t() - s) <= SPEED_LABEL_REACH_SECONDS) return speed.get().kmh();
        }
        return null;
    }

    /** Character error rate: edit distance over the truth's length, whitespace runs counted as one space. */
    public static double cer(String read, String truth) {
        String a = read.strip().replaceAll("\\s+", " ");
        String b = truth.strip().replaceAll("\\s+", " ");
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return b.isEmpty() ? (a.isEmpty() ? 0 : 1) : (double) previous[b.length()] / b.length();
    }
}
