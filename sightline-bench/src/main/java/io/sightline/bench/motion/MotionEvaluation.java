package io.sightline.bench.motion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.motion.ego.CameraKind;
import io.sightline.motion.ego.EgoMotionConfig;
import io.sightline.motion.ego.EgoMotionEstimator;
import io.sightline.motion.ego.EgoMotionFrame;
import io.sightline.motion.ego.EgoMotionLabel;
import io.sightline.motion.ego.EgoMotionTimeline;
import io.sightline.motion.ego.EgoMotionWindow;
import io.sightline.motion.scene.Blur;
import io.sightline.motion.scene.Lighting;
import io.sightline.motion.scene.SceneAnalyzer;
import io.sightline.motion.scene.SceneFrame;
import io.sightline.motion.scene.SceneSample;
import io.sightline.motion.scene.SceneTimeline;
import io.sightline.motion.scene.SceneWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs ego-motion and scene statistics over every clip in {@code ../shared/clips} (or the folder given as the
 * first argument), prints the labels per second, and compares them with what {@code ground-truth.json} says
 * about camera motion and scene. Skips cleanly when the folder is absent. No constant here is tuned to a clip:
 * the mapping from ground-truth wording to expected labels is the fixed keyword table in {@link #expectations}.
 *
 * <p>Run: {@code java -cp "sightline-bench/target/classes:sightline-bench/target/lib/*" io.sightline.bench.motion.MotionEvaluation}
 */
public final class MotionEvaluation {
    private static final double FPS = 5;
    private static final int MAX_WIDTH = 640;
    private static final double WINDOW_SECONDS = 1.0;

    private record ClipResult(String clip, int frames, double seconds, CameraKind cameraKind, String expectedKind,
                              String egoAgreement, String lighting, String expectedLighting, String sceneNotes,
                              double decodeMs, double egoMs, double sceneMs) {}

    public static void main(String[] args) throws Exception {
        Path clips = Path.of(args.length > 0 ? args[0] : "../shared/clips");
        if (!Files.isDirectory(clips)) {
            System.out.println("motion evaluation skipped: no clips folder at " + clips.toAbsolutePath());
            return;
        }
        JsonNode truth = Files.exists(clips.resolve("ground-truth.json"))
                ? new ObjectMapper().readTree(clips.resolve("ground-truth.json").toFile()).path("clips") : null;
        List<Path> videos;
        try (Stream<Path> files = Files.list(clips)) {
            videos = files.filter(p -> p.toString().endsWith(".mp4") || p.toString().endsWith(".avi")).sorted().toList();
        }
        ClipFrames decoder = new ClipFrames();
        List<ClipResult> results = new ArrayList<>();
        for (Path video : videos) {
            String name = video.getFileName().toString();
            results.add(evaluate(decoder, video, truth == null ? null : truth.path(name)));
        }
        printSummary(results);
    }

    private static ClipResult evaluate(ClipFrames decoder, Path video, JsonNode truth) throws IOException, InterruptedException {
        EgoMotionConfig config = EgoMotionConfig.defaults();
        SceneAnalyzer analyzer = SceneAnalyzer.create();
        List<EgoMotionFrame> egoFrames = new ArrayList<>();
        List<SceneSample> sceneSamples = new ArrayList<>();
        long[] nanos = new long[3]; // decode, ego, scene
        long[] lastReturn = {System.nanoTime()};
        int frames;
        try (EgoMotionEstimator estimator = EgoMotionEstimator.create(config)) {
            frames = decoder.decode(video, FPS, MAX_WIDTH, (time, frame) -> {
                long start = System.nanoTime();
                nanos[0] += start - lastReturn[0];
                // No detector in this evaluation: moving objects stay in the flow and RANSAC must reject them.
                estimator.update(time, frame, List.of()).ifPresent(egoFrames::add);
                long afterEgo = System.nanoTime();
                sceneSamples.add(new SceneSample(time, analyzer.measure(frame)));
                long afterScene = System.nanoTime();
                nanos[1] += afterEgo - start;
                nanos[2] += afterScene - afterEgo;
                lastReturn[0] = System.nanoTime();
            });
        }
        EgoMotionTimeline ego = EgoMotionTimeline.of(egoFrames, config);
        SceneTimeline scene = SceneTimeline.of(sceneSamples);
        double seconds = frames / FPS;
        String name = video.getFileName().toString();

        System.out.printf(Locale.ROOT, "%n== %s: %d frames at %.0f fps, camera %s%n", name, frames, FPS, ego.cameraKind());
        System.out.printf(Locale.ROOT, "  %-9s %-34s %7s %7s %7s %5s | %-10s %5s %5s %5s %4s%n",
                "t", "ego labels", "fwd/s", "yaw", "lat", "still", "lighting", "luma", "sky", "glare", "blur");
        List<EgoMotionWindow> egoWindows = ego.windows(WINDOW_SECONDS);
        for (EgoMotionWindow w : egoWindows) {
            SceneWindow s = scene.window(w.start(), w.end());
            System.out.printf(Locale.ROOT, "  %4.1f-%-4.1f %-34s %7.3f %7.3f %7.3f %5.2f | %-10s %5.0f %5.0f %5.2f %4d%n",
                    w.start(), w.end(), labels(w.labels()), w.forwardRate(), w.yawRate(), w.lateralRate(), w.stillFraction(),
                    s.lighting(), s.medianLuma(), s.skyLuma(), s.glareShare(), s.blurredFrames());
        }
        List<Expectation> expected = expectations(truth);
        String agreement = expected.isEmpty() ? "-" : expected.stream().map(e -> e.judge(egoWindows)).collect(Collectors.joining("; "));
        for (Expectation e : expected) System.out.println("  truth: " + e.describe() + " -> " + e.judge(egoWindows));

        SceneWindow whole = scene.window(0, seconds + 1);
        String expectedKind = expectedCameraKind(truth);
        String expectedLighting = text(truth, "scene").matches("(?is).*\\b(daytime|sunny)\\b.*") ? "DAY" : "-";
        String notes = sceneNotes(truth, scene);
        return new ClipResult(name, frames, seconds, ego.cameraKind(), expectedKind, agreement,
                whole.lighting() + String.format(Locale.ROOT, " %.0f%%", 100 * whole.lightingShare()), expectedLighting, notes,
                nanos[0] / 1e6 / frames, nanos[1] / 1e6 / frames, nanos[2] / 1e6 / frames);
    }

    /** What a ground-truth ego interval's wording promises, as a check over the windows inside it. */
    private record Expectation(double start, double end, String motion, Set<EgoMotionLabel> required, Set<EgoMotionLabel> forbidden) {
        String describe() {
            return String.format(Locale.ROOT, "%.1f-%.1f s \"%s\"", start, end, motion);
        }

        String judge(List<EgoMotionWindow> windows) {
            int total = 0, good = 0;
            for (EgoMotionWindow w : windows) {
                double middle = (w.start() + w.end()) / 2;
                if (middle < start || middle > end) continue;
                total++;
                boolean requiredOk = required.isEmpty() || required.stream().anyMatch(w.labels()::contains);
                boolean forbiddenOk = forbidden.stream().noneMatch(w.labels()::contains);
                if (requiredOk && forbiddenOk) good++;
            }
            return String.format(Locale.ROOT, "%s %d/%d windows", shortMotion(), good, total);
        }

        private String shortMotion() {
            return motion.length() > 18 ? motion.substring(0, 18) : motion;
        }
    }

    /** The fixed keyword table from ground-truth wording to labels that must (or must not) appear. */
    private static List<Expectation> expectations(JsonNode truth) {
        List<Expectation> result = new ArrayList<>();
        if (truth == null) return result;
        for (JsonNode interval : truth.path("ego")) {
            String motion = interval.path("motion").asText();
            Set<EgoMotionLabel> required = EnumSet.noneOf(EgoMotionLabel.class);
            Set<EgoMotionLabel> forbidden = EnumSet.noneOf(EgoMotionLabel.class);
            String lower = motion.toLowerCase(Locale.ROOT);
            if (lower.contains("stopped")) required.addAll(EnumSet.of(EgoMotionLabel.STOPPED, EgoMotionLabel.STATIC_CAMERA));
            if (lower.contains("driving") || lower.contains("forward")) required.add(EgoMotionLabel.MOVING_FORWARD);
            if (lower.contains("no lane change")) forbidden.addAll(EnumSet.of(EgoMotionLabel.LATERAL_SHIFT_LEFT, EgoMotionLabel.LATERAL_SHIFT_RIGHT));
            if (lower.contains("no turn")) forbidden.addAll(EnumSet.of(EgoMotionLabel.TURNING_LEFT, EgoMotionLabel.TURNING_RIGHT));
            result.add(new Expectation(interval.path("t_start").asDouble(), interval.path("t_end").asDouble(), motion, required, forbidden));
        }
        return result;
    }

    private static String expectedCameraKind(JsonNode truth) {
        String scene = text(truth, "scene").toLowerCase(Locale.ROOT);
        if (scene.contains("static camera") || scene.contains("static elevated camera")) return "FIXED";
        if (scene.contains("handheld") || scene.contains("freeway") || scene.contains("expressway")) return "MOVING";
        for (JsonNode interval : truth == null ? List.<JsonNode>of() : truth.path("ego")) {
            String motion = interval.path("motion").asText();
            if (motion.contains("driving") || motion.contains("creeping")) return "MOVING";
        }
        return "-";
    }

    /** Blurred frames against reported defects, glare against "overexposed". */
    private static String sceneNotes(JsonNode truth, SceneTimeline scene) {
        List<String> notes = new ArrayList<>();
        List<Double> blurred = scene.frames().stream().filter(f -> f.blur() == Blur.BLURRED).map(SceneFrame::time).toList();
        Matcher defect = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?) s").matcher(text(truth, "defects"));
        if (defect.find()) {
            double from = Double.parseDouble(defect.group(1)) - 0.2, to = Double.parseDouble(defect.group(2)) + 0.2;
            long inside = blurred.stream().filter(t -> t >= from && t <= to).count();
            notes.add(String.format(Locale.ROOT, "defect %s-%s s: %d blurred inside, %d outside", defect.group(1), defect.group(2),
                    inside, blurred.size() - inside));
        } else {
            notes.add(blurred.size() + " blurred");
        }
        double glare = scene.frames().stream().filter(SceneFrame::glare).count() / (double) Math.max(1, scene.frames().size());
        String overexposed = text(truth, "scene").contains("overexposed") ? " (truth: overexposed)" : "";
        notes.add(String.format(Locale.ROOT, "glare %.0f%%%s", 100 * glare, overexposed));
        if (scene.frames().stream().allMatch(SceneFrame::monochrome)) notes.add("monochrome");
        return String.join(", ", notes);
    }

    private static String text(JsonNode truth, String field) {
        return truth == null ? "" : truth.path(field).asText("");
    }

    private static String labels(Set<EgoMotionLabel> labels) {
        return labels.stream().map(Enum::name).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static void printSummary(List<ClipResult> results) {
        System.out.printf(Locale.ROOT, "%n| clip | s | camera (truth) | ego vs truth | lighting (truth) | scene | ms/frame decode / ego / scene |%n");
        System.out.println("|---|---|---|---|---|---|---|");
        double egoTotal = 0, sceneTotal = 0, decodeTotal = 0;
        int frames = 0;
        for (ClipResult r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %s (%s) | %s | %s (%s) | %s | %.1f / %.1f / %.1f |%n", r.clip(), r.seconds(),
                    r.cameraKind(), r.expectedKind(), r.egoAgreement(), r.lighting(), r.expectedLighting(), r.sceneNotes(),
                    r.decodeMs(), r.egoMs(), r.sceneMs());
            egoTotal += r.egoMs() * r.frames();
            sceneTotal += r.sceneMs() * r.frames();
            decodeTotal += r.decodeMs() * r.frames();
            frames += r.frames();
        }
        System.out.printf(Locale.ROOT, "%nall clips: %d frames; mean ms/frame decode %.1f, ego-motion %.1f, scene %.1f%n",
                frames, decodeTotal / frames, egoTotal / frames, sceneTotal / frames);
    }

    private MotionEvaluation() {}
}
