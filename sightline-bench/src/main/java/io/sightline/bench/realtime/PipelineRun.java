package io.sightline.bench.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.engine.index.SegmentIndex;
import io.sightline.engine.index.VideoContext;
import io.sightline.engine.perception.MediaFrameSource;
import io.sightline.engine.perception.PerceptionEngine;
import io.sightline.engine.perception.PerceptionResult;
import io.sightline.engine.perception.PerceptionSettings;
import io.sightline.engine.perception.ProgressListener;
import io.sightline.media.FfmpegCommands;
import io.sightline.media.FfmpegProcess;
import io.sightline.media.MediaProcessor;
import io.sightline.media.ProbeResult;
import io.sightline.server.perception.PerceptionModels;
import io.sightline.vision.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One input of {@link RealtimeBenchmark}, in a JVM of its own so its peak RSS is its own: the
 * server's steps in the server's order — probe, prepare (probe again + remux or transcode), HLS,
 * thumbnails (poster + keyframes-only storyboard), perceive (writing the exact storyboard), index — then a plain ffmpeg decode of the prepared
 * file for comparison, {@code runs} times. Models are loaded and warmed up first (on the warm-up
 * video), timed apart: a server loads them once, not per video. Then {@code -DwarmUpPasses} passes
 * (default 1) over the input itself are not counted: during the first pass the JIT compiler still
 * takes a tenth of the CPU, which a server pays once, not per video.
 *
 * <p>Args: {@code <video> <runs> <warm-up video>}; {@code -Dperception=...} ({@link #settings()}). Prints one line {@code RESULT <json>} ({@link Measurement}).
 */
public final class PipelineRun {
    static final String RESULT = "RESULT ";
    private static final Duration DECODE_TIMEOUT = Duration.ofHours(1);

    /**
     * One pass over the input; times in milliseconds. {@code perceiveJvmCpu} is the CPU time of all of this JVM's
     * threads while perceiving (stages, garbage collection, compilation), {@code perceiveFfmpegCpu} that of the
     * ffmpeg decoding the frames.
     */
    public record Pass(double probe, double prepare, double hls, double thumbnails, double perceive, double index, double plainDecode,
                       int frames, Map<String, Double> stageMillis, Map<String, Double> stageCpuMillis, double perceiveJvmCpu,
                       double perceiveFfmpegCpu) {
        double total() {
            return probe + prepare + hls + thumbnails + perceive + index;
        }
    }

    public record Measurement(String input, int width, int height, double durationSeconds, String preparation, double loadSeconds,
                              long peakRssMb, String load, List<Pass> passes) {}

    private PipelineRun() {}

    public static void main(String[] args) throws IOException {
        Path video = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path warmUp = Path.of(args[2]);
        int warmUpPasses = warmUpPasses();
        MediaProcessor media = new MediaProcessor();
        Path work = Files.createTempDirectory("sightline-realtime-run");
        try (PerceptionModels models = new PerceptionModels(ModelStore.fromEnvironment(ModelStore.defaultDirectory()), work.resolve("index"),
                settings())) {
            long loading = System.nanoTime();
            PerceptionEngine engine = models.engine();
            SegmentIndex index = models.index();
            index.index(engine.perceive("warm-up", warmUp, ProgressListener.ignore()).segments(), context("warm-up"));
            double loadSeconds = (System.nanoTime() - loading) / 1e9;

            ProbeResult probe = media.probe(video);
            String preparation = null;
            List<Pass> passes = new ArrayList<>();
            for (int run = 0; run < warmUpPasses + runs; run++) {
                Path dir = Files.createDirectories(work.resolve("run-" + run));
                Path mp4 = dir.resolve("playable.mp4");
                double probeMs = time(() -> media.probe(video)).millis();
                Timed<MediaProcessor.Preparation> prepared = time(() -> media.prepare(video, media.probe(video), mp4, p -> { }));
                preparation = prepared.value().name().toLowerCase(java.util.Locale.ROOT);
                double hlsMs = time(() -> {
                    media.packageHls(mp4, dir.resolve("hls"), probe.durationSeconds(), p -> { });
                    return dir;
                }).millis();
                // as the server does it for a video it perceives: a keyframes-only storyboard first, the exact one
                // written by perception's own decoding
                double thumbnailsMs = time(() -> {
                    media.poster(mp4, dir.resolve("poster.jpg"), probe.durationSeconds());
                    return media.storyboardFromKeyframes(mp4, dir.resolve("storyboard.jpg"), probe.durationSeconds(), p -> { });
                }).millis();
                PerceptionEngine withStoryboard = engine.withFrameSource(new MediaFrameSource(media).withStoryboard(dir.resolve("storyboard.jpg"), l -> { }));
                double jvmCpu = Machine.processCpuMillis(), ffmpegCpu = Machine.childrenCpuMillis();
                Timed<PerceptionResult> perceived = time(() -> withStoryboard.perceive("video", mp4, ProgressListener.ignore()));
                jvmCpu = Machine.processCpuMillis() - jvmCpu;
                ffmpegCpu = Machine.childrenCpuMillis() - ffmpegCpu;
                double indexMs = time(() -> {
                    index.index(perceived.value().segments(), context("video"));
                    return dir;
                }).millis();
                double decodeMs = time(() -> FfmpegProcess.capture(media.binaries(), FfmpegCommands.decodeOnly(media.binaries().ffmpeg(), mp4),
                        DECODE_TIMEOUT)).millis();
                if (run >= warmUpPasses) {
                    passes.add(new Pass(probeMs, prepared.millis(), hlsMs, thumbnailsMs, perceived.millis(), indexMs, decodeMs,
                            perceived.value().frames(), perceived.value().stageMillis(), perceived.value().stageCpuMillis(), jvmCpu, ffmpegCpu));
                }
                deleteRecursively(dir);
            }
            Measurement m = new Measurement(video.getFileName().toString(), probe.displayWidth(), probe.displayHeight(), probe.durationSeconds(),
                    preparation, loadSeconds, Machine.peakRssMb(), Machine.uptime(), passes);
            System.out.println(RESULT + new ObjectMapper().writeValueAsString(m));
        } finally {
            deleteRecursively(work);
        }
    }

    /** {@code -DwarmUpPasses=N} uncounted passes over the input before the measured ones; 1 otherwise. */
    static int warmUpPasses() {
        return Integer.getInteger("warmUpPasses", 1);
    }

    /** {@code -Dperception=fps,maxWidth,segmentSeconds,fullFrameOcrSeconds,overlayReadSeconds} to measure other settings; defaults otherwise. */
    static PerceptionSettings settings() {
        String given = System.getProperty("perception");
        if (given == null) return PerceptionSettings.defaults();
        double[] v = java.util.Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble).toArray();
        return new PerceptionSettings(v[0], (int) v[1], v[2], v[3], v[4]);
    }

    private static VideoContext context(String videoId) {
        return new VideoContext(videoId, "org", "folder", "owner");
    }

    record Timed<T>(T value, double millis) {}

    static <T> Timed<T> time(Supplier<T> step) {
        long start = System.nanoTime();
        T value = step.get();
        return new Timed<>(value, (System.nanoTime() - start) / 1e6);
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files left behind are harmless
        }
    }
}
