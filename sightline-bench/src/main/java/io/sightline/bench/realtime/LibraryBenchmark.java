package io.sightline.bench.realtime;

import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.Video;
import io.sightline.media.FfmpegCommands;
import io.sightline.media.FfmpegProcess;
import io.sightline.media.MediaProcessor;
import io.sightline.media.ProbeResult;
import io.sightline.sdk.Sightline;
import io.sightline.sdk.UploadParams;
import io.sightline.server.ServerConfig;
import io.sightline.server.SightlineServer;
import io.sightline.server.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Realtime factor of a library: {@code -Dvideos=8} one-minute dashcam videos uploaded one after the other
 * to a server on its defaults (its two pipeline workers process two videos at a time; {@code -Dworkers=N}
 * for another number), from the start of the first upload until the last video's last step finished,
 * as the server's step times record it.
 * This is the "hour of dashcam footage" case (dashcams write one file every minute or few), where
 * {@link RealtimeBenchmark} measures one video alone, its steps one after the other.
 *
 * <p>The input is the looped dashcam minute {@link RealtimeBenchmark} makes in {@code -Dwork=DIR} when the
 * shared clips are there, else its synthetic 720p minute ({@code -Dinput=FILE} for another). Each of
 * {@code -Druns=3} runs starts a fresh server (data in {@code -Dwork}), perceives a short video first so the
 * models are loaded, and is compared with a plain {@code ffmpeg} decode of the same file in the same run.
 * Server and client share this JVM: run it with the heap the server gets, e.g. {@code -Xmx1g}.
 *
 * <p>Run from the project root: {@code java -Xmx1g -cp "sightline-bench/target/classes:sightline-bench/target/lib/*"
 * io.sightline.bench.realtime.LibraryBenchmark}
 */
public final class LibraryBenchmark {
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(30);

    private LibraryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("work", System.getProperty("java.io.tmpdir") + "/sightline-realtime")));
        int videos = Integer.getInteger("videos", 8);
        int runs = Integer.getInteger("runs", 3);
        Path input = input(work);
        MediaProcessor media = new MediaProcessor();
        ProbeResult probe = media.probe(input);
        Path warmUp = RealtimeBenchmark.synthetic(work, 320, 240, 2);
        System.out.printf(Locale.ROOT, "machine at start: %s%n%d copies of %s (%dx%d, %.1f s), %d runs%n", Machine.uptime(), videos,
                input.getFileName(), probe.displayWidth(), probe.displayHeight(), probe.durationSeconds(), runs);

        double[] walls = new double[runs];
        double[] decodes = new double[runs];
        for (int run = 0; run < runs; run++) {
            walls[run] = libraryRun(work.resolve("library-run-" + run), input, videos, warmUp);
            decodes[run] = PipelineRun.time(() -> FfmpegProcess.capture(media.binaries(), FfmpegCommands.decodeOnly(media.binaries().ffmpeg(), input),
                    Duration.ofMinutes(10))).millis() / 1000;
            System.out.printf(Locale.ROOT, "run %d: %.1f s for %d videos = %.2fx realtime; plain decode of one %.2f s%n", run + 1, walls[run], videos,
                    videos * probe.durationSeconds() / walls[run], decodes[run]);
        }
        double wall = RealtimeBenchmark.median(walls);
        double decode = RealtimeBenchmark.median(decodes);
        double seconds = videos * probe.durationSeconds();
        System.out.println();
        System.out.println("| input | videos | video s | wall s | realtime × | one video's plain decode s | wall ÷ all plain decodes | peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | **%.1f** | %.2f | %.1f | %d |%n", input.getFileName(), videos, seconds, wall,
                seconds / wall, decode, wall / (videos * decode), Machine.peakRssMb());
        System.out.printf(Locale.ROOT, "%nmedians of %d runs; machine at end: %s%n", runs, Machine.uptime());
    }

    private static Path input(Path work) {
        String given = System.getProperty("input");
        if (given != null) return Path.of(given);
        Path looped = work.resolve(RealtimeBenchmark.loopedName(Path.of(RealtimeBenchmark.LOOPED), 60));
        Path clip = Path.of(System.getProperty("clips", "../shared/clips")).resolve(RealtimeBenchmark.LOOPED);
        if (Files.isRegularFile(looped) || Files.isRegularFile(clip)) return RealtimeBenchmark.looped(work, clip, 60);
        return RealtimeBenchmark.synthetic(work, 1280, 720, 60);
    }

    /** Seconds from the first upload until the last step of the last video finished. */
    private static double libraryRun(Path dir, Path input, int videos, Path warmUp) throws Exception {
        ServerConfig config = ServerConfig.defaults(dir).withPort(0);
        Integer workers = Integer.getInteger("workers");
        if (workers != null) {
            Pipeline.Settings pipeline = config.pipeline();
            config = config.withPipeline(new Pipeline.Settings(workers, pipeline.pollingInterval(), pipeline.firstRetryDelay(), pipeline.singleNode()));
        }
        try (SightlineServer server = SightlineServer.start(config);
             Sightline client = Sightline.builder().apiKey(Files.readString(server.adminKeyFile()).strip())
                     .baseUrl("http://127.0.0.1:" + server.port()).build()) {
            Video first = client.uploads().upload(UploadParams.builder(warmUp).name("warm-up.mp4").build());
            client.videos().waitUntilProcessed(first.id(), PROCESSING_TIMEOUT);

            Instant start = Instant.now();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < videos; i++) {
                ids.add(client.uploads().upload(UploadParams.builder(input).name("minute-" + i + ".mp4").build()).id());
            }
            Instant end = start;
            for (String id : ids) {
                AtomicReference<ProcessingStatus> last = new AtomicReference<>();
                client.videos().waitUntilProcessed(id, PROCESSING_TIMEOUT, last::set);
                for (ProcessingStep step : last.get().steps()) {
                    if (step.finishedAt() != null && step.finishedAt().isAfter(end)) end = step.finishedAt();
                }
            }
            return Duration.between(start, end).toNanos() / 1e9;
        } finally {
            PipelineRun.deleteRecursively(dir);
        }
    }
}
