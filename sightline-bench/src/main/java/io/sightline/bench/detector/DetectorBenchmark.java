package io.sightline.bench.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.detector.DetectorSettings;
import io.sightline.detector.Detectors;
import io.sightline.detector.Fit;
import io.sightline.detector.LoadableDetector;
import io.sightline.detector.ModelLoad;
import io.sightline.detector.attributes.ColorName;
import io.sightline.detector.attributes.DominantColor;
import io.sightline.media.DecodedFrame;
import io.sightline.media.FrameDecoder;
import io.sightline.media.MediaProcessor;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Speed, memory and per-clip detections of one detector over the clips in {@code ../shared/clips}
 * (or the folder given as the first argument), sampled at 2 frames a second at their own size.
 *
 * <p>Prints the load time (with the conversion of the TF.js model when it is not cached yet), the
 * median and 90th percentile ms per frame of {@code detect()} (resampling, inference, NMS;
 * decoding not included), peak RSS, the classes found per clip, and for every object the
 * ground truth names (kinds object, presence, relative_motion, cut_in, crossing, collision) in
 * how many sampled frames of its interval a detection of a matching class was there, and which
 * colours those detections had. The word-to-class table is {@link #CLASSES_FOR_WORD}; words that
 * name no COCO class (signs other than stop signs, for instance) are reported as such.
 *
 * <p>Run: {@code java -cp "sightline-bench/target/classes:sightline-bench/target/lib/*"
 * io.sightline.bench.detector.DetectorBenchmark [clips dir] [centernet|nanodet] [score threshold] [letterbox|stretch|square_letterbox]};
 * {@code -Dthreads=N} gives each inference N threads instead of the default one.
 */
public final class DetectorBenchmark {
    private static final double FPS = 2;

    /** Ground-truth wording → COCO classes that count as finding it; checked in this order. */
    private static final Map<String, Set<String>> CLASSES_FOR_WORD = orderedTable();

    private static Map<String, Set<String>> orderedTable() {
        Map<String, Set<String>> table = new java.util.LinkedHashMap<>();
        Set<String> vehicle = Set.of("car", "truck", "bus");
        table.put("motorcyclist", Set.of("motorcycle", "person"));
        table.put("scooter", Set.of("motorcycle", "bicycle", "person"));
        table.put("cyclist", Set.of("bicycle", "person"));
        table.put("pedestrian", Set.of("person"));
        table.put("person", Set.of("person"));
        table.put("minibus", Set.of("bus", "car", "truck"));
        table.put("pickup", vehicle);
        table.put("suv", vehicle);
        table.put("sedan", vehicle);
        table.put("van", vehicle);
        table.put("car", vehicle);
        table.put("stop sign", Set.of("stop sign"));
        return table;
    }

    private static final Set<String> OBJECT_KINDS = Set.of("object", "presence", "relative_motion", "cut_in", "crossing", "collision");

    private DetectorBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path clips = Path.of(args.length > 0 ? args[0] : "../shared/clips");
        String model = args.length > 1 ? args[1] : Detectors.CENTERNET;
        double threshold = args.length > 2 ? Double.parseDouble(args[2]) : DetectorSettings.DEFAULT_SCORE_THRESHOLD;
        Fit fit = args.length > 3 ? Fit.valueOf(args[3].toUpperCase(Locale.ROOT)) : DetectorSettings.defaults().fit();
        if (!Files.isDirectory(clips)) {
            System.out.println("detector benchmark skipped: no clips folder at " + clips.toAbsolutePath());
            return;
        }
        JsonNode truth = Files.exists(clips.resolve("ground-truth.json"))
                ? new ObjectMapper().readTree(clips.resolve("ground-truth.json").toFile()).path("clips") : null;
        ModelStore store = ModelStore.fromEnvironment(ModelStore.defaultDirectory());

        DetectorSettings settings = DetectorSettings.defaults().withScoreThreshold(threshold).withFit(fit)
                .withThreads(Integer.getInteger("threads", DetectorSettings.defaults().threads()));
        MediaProcessor media = new MediaProcessor();
        List<Double> allMillis = new ArrayList<>();
        try (LoadableDetector detector = Detectors.byName(model, store, settings)) {
            ModelLoad load = detector.load();
            System.out.printf(Locale.ROOT, "%s: load: converted model %d ms (%s), import %d ms, warm-up %d ms; threshold %.2f, fit %s, %d inference thread(s)%n%n",
                    model, load.graphMillis(), load.fromCache() ? "cached" : "converted now", load.importMillis(), load.warmupMillis(),
                    threshold, settings.fit(), settings.threads());
            List<Path> files;
            try (Stream<Path> list = Files.list(clips)) {
                files = list.filter(p -> p.toString().endsWith(".mp4") || p.toString().endsWith(".avi")).sorted().toList();
            }
            for (Path clip : files) {
                JsonNode clipTruth = truth == null ? null : truth.path(clip.getFileName().toString());
                allMillis.addAll(runClip(detector, media, clip, clipTruth));
            }
        }
        double[] ms = allMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nall clips: %d frames, detect() median %.1f ms, p90 %.1f ms; peak RSS %d MB%n",
                ms.length, percentile(ms, 0.5), percentile(ms, 0.9), peakRssMegabytes());
    }

    private record Sample(double time, List<Detection> detections, RgbImage frame) {}

    private static List<Double> runClip(LoadableDetector detector, MediaProcessor media, Path clip, JsonNode truth) {
        List<Double> millis = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        try (FrameDecoder frames = FrameDecoder.open(media, clip, FPS, 1920, 1080)) {
            for (DecodedFrame decoded : frames) {
                RgbImage frame = new RgbImage(decoded.width(), decoded.height(), decoded.rgb());
                long start = System.nanoTime();
                List<Detection> detections = detector.detect(frame);
                millis.add((System.nanoTime() - start) / 1e6);
                // only frames inside ground-truth intervals are kept for the colour check below
                samples.add(new Sample(decoded.timestampSeconds(), detections, needsPixels(truth, decoded.timestampSeconds()) ? frame : null));
            }
        }
        Map<String, Integer> classes = new TreeMap<>();
        samples.forEach(s -> s.detections().forEach(d -> classes.merge(d.label(), 1, Integer::sum)));
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: %d frames, median %.1f ms/frame, %.1f detections/frame %s%n", clip.getFileName(), samples.size(),
                percentile(sorted, 0.5), samples.isEmpty() ? 0 : classes.values().stream().mapToInt(Integer::intValue).sum() / (double) samples.size(), classes);
        if (truth != null) {
            for (JsonNode event : truth.path("events")) {
                if (OBJECT_KINDS.contains(event.path("kind").asText())) report(event, samples);
            }
        }
        return millis;
    }

    private static boolean needsPixels(JsonNode truth, double time) {
        if (truth == null) return false;
        for (JsonNode event : truth.path("events")) {
            if (time >= event.path("t_start").asDouble() - 0.25 && time <= event.path("t_end").asDouble() + 0.25) return true;
        }
        return false;
    }

    private static void report(JsonNode event, List<Sample> samples) {
        String label = event.path("label").asText();
        Set<String> wanted = classesFor(label);
        if (wanted.isEmpty()) {
            System.out.printf(Locale.ROOT, "   - \"%s\": no COCO class for it%n", label);
            return;
        }
        double from = event.path("t_start").asDouble() - 0.25;
        double to = event.path("t_end").asDouble() + 0.25;
        int inInterval = 0;
        int found = 0;
        Map<String, Integer> colours = new TreeMap<>();
        for (Sample s : samples) {
            if (s.time() < from || s.time() > to) continue;
            inInterval++;
            List<Detection> matching = s.detections().stream().filter(d -> wanted.contains(d.label())).toList();
            if (!matching.isEmpty()) found++;
            for (Detection d : matching) {
                ColorName colour = s.frame() == null ? ColorName.UNKNOWN : DominantColor.of(s.frame(), d.box());
                colours.merge(colour.word(), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "   - \"%s\" %.1f-%.1f s: %s in %d of %d frames; colours of those boxes %s%n",
                label, event.path("t_start").asDouble(), event.path("t_end").asDouble(), wanted, found, inInterval, colours);
    }

    static Set<String> classesFor(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : CLASSES_FOR_WORD.entrySet()) {
            if (lower.contains(e.getKey())) return e.getValue();
        }
        return Set.of();
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** VmHWM: the process's peak resident set, Java heap and TensorFlow's native memory alike. */
    private static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
