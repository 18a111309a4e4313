package io.sightline.bench.perception;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sightline.bench.realtime.Machine;
import io.sightline.engine.perception.PerceptionEngine;
import io.sightline.engine.perception.PerceptionResult;
import io.sightline.engine.perception.PerceptionSettings;
import io.sightline.engine.perception.ProgressListener;
import io.sightline.server.perception.PerceptionModels;
import io.sightline.vision.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Perception quality on the clips of {@code ../shared/clips} (another folder with {@code -Dclips=DIR}):
 * every clip named in {@code ground-truth.json} is perceived the way the server does it (the
 * server's {@link PerceptionModels}, default settings) and its segments are scored against the
 * truth: objects and events found at the right times (recall, temporal IoU; {@link ClipScore}),
 * false alarms, and the overlay text read ({@link OverlayScore}). The wording of the truth is
 * mapped to segment fields by {@link Vocabulary}, the same for every clip.
 *
 * <p>Prints per clip the item-by-item results and what was perceived around missed items, then a
 * Markdown summary. {@code -Dsegments=DIR} also writes each clip's segments as JSON.
 *
 * <p>Run from the project root: {@code java -Xmx1g -cp "sightline-bench/target/classes:sightline-bench/target/lib/*"
 * io.sightline.bench.perception.PerceptionEvaluation}
 */
public final class PerceptionEvaluation {

    private record ClipRow(String clip, double seconds, int frames, double perceiveSeconds, ClipScore score, OverlayScore overlay) {}

    private PerceptionEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path clips = Path.of(System.getProperty("clips", "../shared/clips"));
        Path truthFile = clips.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            System.out.println("perception evaluation skipped: no " + truthFile.toAbsolutePath());
            return;
        }
        Path segmentsOut = System.getProperty("segments") == null ? null : Files.createDirectories(Path.of(System.getProperty("segments")));
        JsonNode truth = new ObjectMapper().readTree(truthFile.toFile()).path("clips");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println("machine load at start: " + Machine.uptime());

        List<ClipRow> rows = new ArrayList<>();
        Path indexDir = Files.createTempDirectory("sightline-eval-index");
        try (PerceptionModels models = new PerceptionModels(ModelStore.fromEnvironment(ModelStore.defaultDirectory()), indexDir,
                PerceptionSettings.defaults())) {
            long loading = System.nanoTime();
            PerceptionEngine engine = models.engine();
            System.out.printf(Locale.ROOT, "engine built in %.1f s%n", (System.nanoTime() - loading) / 1e9);
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) truth.properties()::iterator) {
                Path clip = clips.resolve(entry.getKey());
                if (!Files.isRegularFile(clip)) {
                    System.out.println("\n" + entry.getKey() + ": not in " + clips + ", skipped");
                    continue;
                }
                long start = System.nanoTime();
                PerceptionResult result = engine.perceive(entry.getKey(), clip, ProgressListener.ignore());
                double perceiveSeconds = (System.nanoTime() - start) / 1e9;
                if (segmentsOut != null) json.writeValue(segmentsOut.resolve(entry.getKey() + ".segments.json").toFile(), result.segments());
                ClipRow row = evaluate(entry.getKey(), entry.getValue(), result, perceiveSeconds);
                print(row, result);
                rows.add(row);
            }
        } finally {
            deleteQuietly(indexDir);
        }
        if (rows.isEmpty()) {
            System.out.println("perception evaluation skipped: no clip of " + truthFile + " in " + clips.toAbsolutePath());
            return;
        }
        printSummary(rows);
        System.out.printf(Locale.ROOT, "%nmachine load at end: %s; peak RSS %d MB%n", Machine.uptime(), Machine.peakRssMb());
    }

    private static ClipRow evaluate(String clip, JsonNode truth, PerceptionResult result, double perceiveSeconds) {
        double duration = result.durationSeconds();
        List<Expectation> items = new ArrayList<>();
        truth.path("events").forEach(e -> items.add(Vocabulary.event(e.path("label").asText(), e.path("kind").asText(),
                e.path("t_start").asDouble(), e.path("t_end").asDouble())));
        truth.path("ego").forEach(e -> items.add(Vocabulary.ego(e.path("motion").asText(), e.path("t_start").asDouble(), e.path("t_end").asDouble())));
        Vocabulary.fixedCamera(truth.path("scene").asText(null), duration).ifPresent(items::add);
        List<Map.Entry<Double, String>> overlayLines = new ArrayList<>();
        truth.path("overlay").forEach(o -> overlayLines.add(new AbstractMap.SimpleEntry<>(o.path("t").asDouble(), o.path("text").asText())));
        return new ClipRow(clip, duration, result.frames(), perceiveSeconds, ClipScore.score(result.segments(), items, duration),
                overlayLines.isEmpty() ? null : OverlayScore.score(result.segments(), overlayLines));
    }

    private static void print(ClipRow row, PerceptionResult result) {
        System.out.printf(Locale.ROOT, "%n### %s: %.1f s, %d frames, perceived in %.1f s%n", row.clip(), row.seconds(), row.frames(), row.perceiveSeconds());
        result.warnings().forEach(w -> System.out.println("- warning: " + w));
        ClipScore score = row.score();
        if (!score.items().isEmpty()) {
            System.out.println();
            System.out.println("| truth | kind | s | wanted | found | colour | tIoU | matching segments (s) | perceived around it |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (ClipScore.ItemResult r : score.items()) {
                Expectation e = r.item();
                String runs = String.join(", ", r.matchedRuns().stream().map(x -> String.format(Locale.ROOT, "%.0f-%.0f", x[0], x[1])).toList());
                String wanted = e.wanted() + (e.unmeasured().isEmpty() ? "" : " (unmeasured: " + String.join(", ", e.unmeasured()) + ")");
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f-%.1f | %s | %s | %s | %.2f | %s | %s |%n", e.text(), e.kind(), e.start(), e.end(),
                        wanted, r.found() ? "yes" : "**no**", e.colours().isEmpty() ? "-" : r.colourRight() ? "yes" : "no", r.iou(), runs,
                        r.perceived());
            }
        }
        if (!score.events().isEmpty()) {
            System.out.println();
            System.out.println("perceived events: " + String.join("; ", score.events().stream()
                    .map(e -> String.format(Locale.ROOT, "#%s %s %s %.0f-%.0f s%s", e.event().trackId(), e.event().label(), e.event().motion(),
                            e.event().start(), e.event().end(), e.falseAlarm() ? " **false alarm**" : " (explained)"))
                    .toList()));
        }
        OverlayScore overlay = row.overlay();
        if (overlay == null) return;
        System.out.println();
        System.out.println("| t (s) | overlay truth | read (at s) | CER |");
        System.out.println("|---|---|---|---|");
        overlay.lines().forEach(l -> System.out.printf(Locale.ROOT, "| %.2f | `%s` | `%s` (%.1f) | %.3f |%n", l.t(), l.truth(), l.read(), l.readAt(), l.cer()));
        System.out.println();
        System.out.println("| segment | read at (s) | clock read | clock truth | | speed read | speed truth | |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (OverlayScore.SegmentResult s : overlay.segments()) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %s | %s | %s | %s | %s | %s |%n", s.index(), s.t(), s.clock() == null ? "-" : s.clock(),
                    s.clockTruth() == null ? "-" : String.format(Locale.ROOT, "%s (+%.1f)", java.time.LocalTime.ofSecondOfDay((long) Math.floor(s.clockTruth())),
                            s.clockTruth() % 1),
                    s.clockTruth() == null ? "" : s.clockRight() ? "ok" : "WRONG",
                    s.speed() == null ? "-" : String.format(Locale.ROOT, "%.0f", s.speed()),
                    s.speedTruth() == null ? "-" : String.format(Locale.ROOT, "%.0f", s.speedTruth()),
                    s.speedTruth() == null ? "" : s.speedRight() ? "ok" : "WRONG");
        }
    }

    private static void printSummary(List<ClipRow> rows) {
        System.out.println();
        System.out.println("## Perception against ground truth (default settings)");
        System.out.println();
        System.out.println("| clip | video s | truth items | found | colour right | mean tIoU | perceived events | false alarms | per min | overlay lines | mean CER | clock right (segments) | speed right (segments) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        double seconds = 0, iou = 0, cer = 0;
        int items = 0, found = 0, colour = 0, colourItems = 0, events = 0, alarms = 0, lines = 0, clocks = 0, clocksRight = 0, speeds = 0, speedsRight = 0;
        for (ClipRow r : rows) {
            ClipScore s = r.score();
            OverlayScore o = r.overlay();
            int colourWanted = (int) s.items().stream().filter(i -> !i.item().colours().isEmpty()).count();
            int colourGot = (int) s.items().stream().filter(i -> !i.item().colours().isEmpty() && i.colourRight()).count();
            System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %d | %s | %s | %s | %d | %d | %.1f | %s | %s | %s | %s |", r.clip(), r.seconds(),
                    s.items().size(), s.items().isEmpty() ? "-" : s.found() + "/" + s.items().size(),
                    colourWanted == 0 ? "-" : colourGot + "/" + colourWanted,
                    s.items().isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", s.iouSum() / s.items().size()),
                    s.events().size(), s.falseAlarms(), s.falseAlarms() * 60 / r.seconds(),
                    o == null ? "-" : String.valueOf(o.lines().size()),
                    o == null ? "-" : String.format(Locale.ROOT, "%.3f", o.cerSum() / o.lines().size()),
                    o == null || o.clocks() == 0 ? "-" : o.clocksRight() + "/" + o.clocks(),
                    o == null || o.speeds() == 0 ? "-" : o.speedsRight() + "/" + o.speeds()));
            seconds += r.seconds();
            items += s.items().size();
            found += s.found();
            colour += colourGot;
            colourItems += colourWanted;
            iou += s.iouSum();
            events += s.events().size();
            alarms += s.falseAlarms();
            if (o != null) {
                lines += o.lines().size();
                cer += o.cerSum();
                clocks += o.clocks();
                clocksRight += o.clocksRight();
                speeds += o.speeds();
                speedsRight += o.speedsRight();
            }
        }
        System.out.printf(Locale.ROOT, "| **total** | %.1f | %d | %d/%d (%.0f%%) | %d/%d | %.2f | %d | %d | %.1f | %d | %.3f | %d/%d | %d/%d |%n", seconds, items,
                found, items, 100.0 * found / Math.max(1, items), colour, colourItems, iou / Math.max(1, items), events, alarms, alarms * 60 / seconds,
                lines, cer / Math.max(1, lines), clocksRight, clocks, speedsRight, speeds);
        System.out.println();
        System.out.println("found: a segment matching the item overlaps its interval (+-" + ClipScore.TOLERANCE_SECONDS
                + " s); mean tIoU over all items, misses count 0; false alarms: crossing/overtaking/cut-in events no item explains.");
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary index left behind is harmless
        }
    }
}
