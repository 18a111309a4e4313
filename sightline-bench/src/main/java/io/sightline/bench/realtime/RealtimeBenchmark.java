package io.sightline.bench.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.bench.realtime.PipelineRun.Measurement;
import io.sightline.bench.realtime.PipelineRun.Pass;
import io.sightline.media.MediaProcessor;
import io.sightline.media.SyntheticVideo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Realtime factor of the whole pipeline (media + perception + index) at default settings: video
 * seconds per wall second, per step and per perception stage (ms per sampled frame), against a
 * plain ffmpeg decode of the same file, with each input's peak RSS, and where the CPU went while
 * perceiving (per stage, the whole JVM, the ffmpeg decoding, how many cores were busy). Medians of {@code -Druns=3}
 * passes, after {@code -DwarmUpPasses=1} uncounted ones (the JIT compiler's share of the CPU is
 * then that of a server past its first video); each input runs in a child JVM ({@link PipelineRun},
 * heap {@code -Dheap=1g}) so the peak is its own.
 *
 * <p>Inputs: every video of {@code ../shared/clips} ({@code -Dclips=DIR}; left out when absent) and
 * generated 720p and 1080p videos ({@link SyntheticVideo}: test pattern, moving box, burned-in
 * dashcam-style text, AAC, 30 fps, {@code -Dsynthetic.seconds=60}), so it runs anywhere; and, when
 * the clips are there, one real 720p dashcam clip looped to the same length ({@code -Dloop=NAME},
 * default {@value #LOOPED}; its packets copied, not re-encoded), the closest input here to an hour of
 * dashcam footage. Generated videos are kept in {@code -Dwork=DIR} (default: the temporary folder)
 * for the next run.
 * {@code -Donly=REGEX} keeps the inputs whose file name matches; {@code -Dperception=2,768,2,5,2} measures other
 * perception settings ({@link PipelineRun#settings()}).
 *
 * <p>Run from the project root: {@code java -cp "sightline-bench/target/classes:sightline-bench/target/lib/*"
 * io.sightline.bench.realtime.RealtimeBenchmark}
 */
public final class RealtimeBenchmark {
    private static final double TARGET = 5;
    /** A 5 s 720p dashcam clip of the shared clips with a burned-in clock and speed. */
    static final String LOOPED = "dad_000528.mp4";
    private static final List<String> STAGES = List.of("decode", "detect", "colour", "ocr", "overlay", "ego", "track", "scene", "segments");
    /** The stages that take CPU of their own: decode waits on ffmpeg, and the rest are under a millisecond. */
    private static final List<String> CPU_STAGES = List.of("detect", "ocr", "overlay", "ego", "scene");

    private RealtimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path clips = Path.of(System.getProperty("clips", "../shared/clips"));
        Path work = Files.createDirectories(Path.of(System.getProperty("work", System.getProperty("java.io.tmpdir") + "/sightline-realtime")));
        int runs = Integer.getInteger("runs", 3);
        double syntheticSeconds = Double.parseDouble(System.getProperty("synthetic.seconds", "60"));
        System.out.println("machine at start: " + Machine.uptime());

        List<Path> shared = new ArrayList<>();
        if (Files.isDirectory(clips)) {
            try (Stream<Path> files = Files.list(clips)) {
                shared = files.filter(p -> p.getFileName().toString().matches(".*\\.(mp4|avi|mkv|mov|webm)$")).sorted().toList();
            }
        } else {
            System.out.println("shared clips left out: no folder " + clips.toAbsolutePath());
        }
        String only = System.getProperty("only", ".*");
        shared = shared.stream().filter(p -> p.getFileName().toString().matches(only)).toList();
        Path warmUp = synthetic(work, 320, 240, 2);
        List<Path> generated = new ArrayList<>();
        Path loopSource = clips.resolve(System.getProperty("loop", LOOPED));
        if (Files.isRegularFile(loopSource) && loopedName(loopSource, syntheticSeconds).matches(only)) {
            generated.add(looped(work, loopSource, syntheticSeconds));
        }
        for (int height : new int[] {720, 1080}) {
            if (syntheticName(height * 16 / 9, height, syntheticSeconds).matches(only)) {
                generated.add(synthetic(work, height * 16 / 9, height, syntheticSeconds));
            }
        }
        List<Measurement> sharedResults = new ArrayList<>();
        for (Path clip : shared) sharedResults.add(measure(clip, runs, warmUp, work));
        List<Measurement> generatedResults = new ArrayList<>();
        for (Path video : generated) generatedResults.add(measure(video, runs, warmUp, work));

        System.out.printf(Locale.ROOT, "%n## Whole pipeline, %s (median of %d passes after %d uncounted; seconds)%n", PipelineRun.settings(), runs,
                PipelineRun.warmUpPasses());
        System.out.println();
        System.out.println("| input | size | video s | models load + warm-up | probe | prepare | HLS | thumbnails | perceive | index | total | realtime × | perceive alone × | plain decode | decode × | peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        sharedResults.forEach(RealtimeBenchmark::pipelineRow);
        if (!sharedResults.isEmpty()) totalRow("**shared clips**", sharedResults);
        generatedResults.forEach(RealtimeBenchmark::pipelineRow);

        System.out.printf(Locale.ROOT, "%n## Perception stages, ms per sampled frame (median of %d passes)%n", runs);
        System.out.println();
        System.out.println("| input | frames | " + String.join(" | ", STAGES) + " | perceive ms/frame |");
        System.out.println("|---|---|" + "---|".repeat(STAGES.size()) + "---|");
        for (Measurement m : concat(sharedResults, generatedResults)) stageRow(m);

        System.out.printf(Locale.ROOT, "%n## Where the cores go while perceiving: CPU ms per sampled frame (median of %d passes)%n", runs);
        System.out.println();
        System.out.println("Stages count their own thread's CPU; the JVM column is all of its threads (stages, GC, JIT), ffmpeg the decoder"
                + " process; cores busy = (JVM + ffmpeg) / perceive wall time, at most " + Runtime.getRuntime().availableProcessors() + ".");
        System.out.println();
        System.out.println("| input | " + String.join(" | ", CPU_STAGES) + " | JVM | ffmpeg | cores busy |");
        System.out.println("|---|" + "---|".repeat(CPU_STAGES.size() + 3));
        for (Measurement m : concat(sharedResults, generatedResults)) cpuRow(m);
        System.out.printf(Locale.ROOT, "%nmachine at end: %s; target: realtime × >= %.0f, peak RSS <= 2048 MB%n", Machine.uptime(), TARGET);
    }

    /** A generated dashcam-like video, made once and kept in {@code work}. */
    static Path synthetic(Path work, int width, int height, double seconds) {
        Path file = work.resolve(syntheticName(width, height, seconds));
        if (Files.isRegularFile(file)) return file;
        long start = System.nanoTime();
        SyntheticVideo.builder().size(width, height).duration(seconds).fps(30).withAudio(true).movingBox(true)
                .text("2024/05/12 14:33:07 54 km/h").build().writeTo(file);
        System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
        return file;
    }

    /** {@code clip} played over and over for {@code seconds}, made once and kept in {@code work}. */
    static Path looped(Path work, Path clip, double seconds) {
        Path file = work.resolve(loopedName(clip, seconds));
        if (Files.isRegularFile(file)) return file;
        new MediaProcessor().loop(clip, seconds, file);
        System.out.printf(Locale.ROOT, "looped %s to %.0f s%n", clip.getFileName(), seconds);
        return file;
    }

    static String loopedName(Path clip, double seconds) {
        return String.format(Locale.ROOT, "looped-%s-%.0fs.mp4", clip.getFileName().toString().replaceFirst("\\.[^.]+$", ""), seconds);
    }

    private static String syntheticName(int width, int height, double seconds) {
        return String.format(Locale.ROOT, "synthetic-%dx%d-%.0fs.mp4", width, height, seconds);
    }

    private static Measurement measure(Path video, int runs, Path warmUp, Path work) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String heap = System.getProperty("heap", "1g");
        Path log = work.resolve(video.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path")));
        if (System.getProperty("perception") != null) command.add("-Dperception=" + System.getProperty("perception"));
        command.add("-DwarmUpPasses=" + PipelineRun.warmUpPasses());
        command.addAll(List.of(PipelineRun.class.getName(), video.toString(), Integer.toString(runs), warmUp.toString()));
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(PipelineRun.RESULT)) result = line.substring(PipelineRun.RESULT.length());
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || result == null) throw new IllegalStateException(video.getFileName() + ": child JVM failed (exit " + exit + "), see " + log);
        Measurement m = new ObjectMapper().readValue(result, Measurement.class);
        System.out.printf(Locale.ROOT, "%s: %.1f s of video, total %.1f s (median), %s%n", m.input(), m.durationSeconds(),
                median(m, Pass::total) / 1000, m.load());
        return m;
    }

    private static void pipelineRow(Measurement m) {
        double total = median(m, Pass::total) / 1000;
        double perceive = median(m, Pass::perceive) / 1000;
        double decode = median(m, Pass::plainDecode) / 1000;
        System.out.printf(Locale.ROOT, "| %s | %dx%d | %.1f | %.1f | %.2f | %.2f (%s) | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.1f | %.2f | %.0f | %d |%n",
                m.input(), m.width(), m.height(), m.durationSeconds(), m.loadSeconds(), median(m, Pass::probe) / 1000,
                median(m, Pass::prepare) / 1000, m.preparation(), median(m, Pass::hls) / 1000, median(m, Pass::thumbnails) / 1000, perceive,
                median(m, Pass::index) / 1000, total, factor(m.durationSeconds() / total), m.durationSeconds() / perceive, decode,
                m.durationSeconds() / decode, m.peakRssMb());
    }

    private static void totalRow(String name, List<Measurement> ms) {
        double video = ms.stream().mapToDouble(Measurement::durationSeconds).sum();
        double total = ms.stream().mapToDouble(m -> median(m, Pass::total)).sum() / 1000;
        double perceive = ms.stream().mapToDouble(m -> median(m, Pass::perceive)).sum() / 1000;
        double decode = ms.stream().mapToDouble(m -> median(m, Pass::plainDecode)).sum() / 1000;
        System.out.printf(Locale.ROOT, "| %s | | %.1f | | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.1f | %.2f | %.0f | %d |%n", name, video,
                sum(ms, Pass::probe), sum(ms, Pass::prepare), sum(ms, Pass::hls), sum(ms, Pass::thumbnails), perceive, sum(ms, Pass::index),
                total, factor(video / total), video / perceive, decode, video / decode,
                ms.stream().mapToLong(Measurement::peakRssMb).max().orElse(-1));
    }

    private static void stageRow(Measurement m) {
        double frames = median(m, Pass::frames);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f |", m.input(), frames));
        for (String stage : STAGES) {
            row.append(String.format(Locale.ROOT, " %.1f |", median(m, p -> p.stageMillis().getOrDefault(stage, 0.0)) / frames));
        }
        row.append(String.format(Locale.ROOT, " %.1f |", median(m, Pass::perceive) / frames));
        System.out.println(row);
    }

    private static void cpuRow(Measurement m) {
        double frames = median(m, Pass::frames);
        StringBuilder row = new StringBuilder("| " + m.input() + " |");
        for (String stage : CPU_STAGES) {
            row.append(String.format(Locale.ROOT, " %.1f |", median(m, p -> p.stageCpuMillis().getOrDefault(stage, 0.0)) / frames));
        }
        row.append(String.format(Locale.ROOT, " %.1f | %.1f | %.2f |", median(m, Pass::perceiveJvmCpu) / frames,
                median(m, Pass::perceiveFfmpegCpu) / frames, median(m, p -> (p.perceiveJvmCpu() + p.perceiveFfmpegCpu()) / p.perceive())));
        System.out.println(row);
    }

    private static String factor(double value) {
        return String.format(Locale.ROOT, value >= TARGET ? "%.1f" : "**%.1f**", value);
    }

    private static double sum(List<Measurement> ms, ToDoubleFunction<Pass> field) {
        return ms.stream().mapToDouble(m -> median(m, field)).sum() / 1000;
    }

    static double median(Measurement m, ToDoubleFunction<Pass> field) {
        return median(m.passes().stream().mapToDouble(field).toArray());
    }

    /** The middle value, or the mean of the two middle ones. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<Measurement> concat(List<Measurement> a, List<Measurement> b) {
        List<Measurement> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
