package io.sightline.bench.media;

import io.sightline.media.DecodedFrame;
import io.sightline.media.FfmpegCommands;
import io.sightline.media.FfmpegProcess;
import io.sightline.media.FrameDecoder;
import io.sightline.media.MediaException;
import io.sightline.media.MediaProcessor;
import io.sightline.media.ProbeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the media pipeline (probe + prepare + HLS + poster + storyboard) on every clip of
 * {@code ../shared/clips} (or the folder given as the first argument) against a plain
 * {@code ffmpeg -i F -f null -} decode of the same file, and the perception frame decoder
 * (2 fps, at most 640 pixels) alongside. Medians of three runs. Skips cleanly without clips.
 *
 * <p>Run: {@code java -cp "sightline-bench/target/classes:sightline-bench/target/lib/*" io.sightline.bench.media.MediaBenchmark}
 */
public final class MediaBenchmark {

    private static final int RUNS = 3;
    private static final double PERCEPTION_FPS = 2;
    private static final int PERCEPTION_MAX = 640;

    private record Times(MediaProcessor.Preparation path, long probe, long prepare, long hls, long poster, long storyboard, long decode,
                         long frames) {
        long pipeline() {
            return probe + prepare + hls + poster + storyboard;
        }
    }

    public static void main(String[] args) throws Exception {
        Path clips = Path.of(args.length > 0 ? args[0] : "../shared/clips");
        if (!Files.isDirectory(clips)) {
            System.out.println("media benchmark skipped: no clips folder at " + clips.toAbsolutePath());
            return;
        }
        List<Path> videos;
        try (Stream<Path> files = Files.list(clips)) {
            videos = files.filter(p -> p.toString().matches(".*\\.(mp4|avi|mkv|mov|webm)$")).sorted().toList();
        }
        if (videos.isEmpty()) {
            System.out.println("media benchmark skipped: no videos in " + clips.toAbsolutePath());
            return;
        }
        MediaProcessor media = new MediaProcessor();
        System.out.printf(Locale.ROOT, "media pipeline vs plain decode, median of %d runs, %d cores, ffmpeg %s%n%n", RUNS,
                Runtime.getRuntime().availableProcessors(), media.binaries().ffmpeg());
        System.out.printf(Locale.ROOT, "%-38s %-16s %9s %6s %-10s %6s %7s %6s %6s %7s %8s %8s %6s %8s %6s%n", "clip", "codecs", "size", "secs",
                "path", "probe", "prepare", "hls", "poster", "story", "pipeline", "decode", "ratio", "frames2", "n");
        long totalPipeline = 0;
        long totalDecode = 0;
        for (Path video : videos) {
            ProbeResult probe;
            try {
                probe = media.probe(video);
            } catch (MediaException e) {
                System.out.printf(Locale.ROOT, "%-38s not a usable video: %s%n", video.getFileName(), e.getMessage());
                continue;
            }
            List<Times> runs = new ArrayList<>();
            int[] frames = {0};
            int[] warnings = {0};
            for (int run = 0; run < RUNS; run++) runs.add(measure(media, video, frames, warnings));
            Times median = new Times(runs.get(0).path(), median(runs, Times::probe), median(runs, Times::prepare), median(runs, Times::hls),
                    median(runs, Times::poster), median(runs, Times::storyboard), median(runs, Times::decode), median(runs, Times::frames));
            long pipeline = median(runs, Times::pipeline);
            totalPipeline += pipeline;
            totalDecode += median.decode();
            System.out.printf(Locale.ROOT, "%-38s %-16s %9s %6.1f %-10s %6d %7d %6d %6d %7d %8d %8d %6.2f %8d %6s%n",
                    video.getFileName(), probe.videoCodec() + "/" + (probe.audioCodec() == null ? "-" : probe.audioCodec()),
                    probe.width() + "x" + probe.height(), probe.durationSeconds(), median.path().name().toLowerCase(Locale.ROOT),
                    median.probe(), median.prepare(), median.hls(), median.poster(), median.storyboard(), pipeline, median.decode(),
                    (double) pipeline / median.decode(), median.frames(), frames[0] + (warnings[0] > 0 ? "!" + warnings[0] : ""));
        }
        System.out.printf(Locale.ROOT, "%nall clips: pipeline %d ms, plain decode %d ms, ratio %.2f%n", totalPipeline, totalDecode,
                (double) totalPipeline / totalDecode);
        System.out.println("times in ms; ratio = pipeline / plain decode; frames2 = perception decoder at 2 fps, <= 640 px;"
                + " n = frames it gave (!k = k decoder errors reported)");
    }

    private static Times measure(MediaProcessor media, Path video, int[] frames, int[] warnings) throws IOException {
        Path work = Files.createTempDirectory("sightline-media-bench");
        try {
            Path mp4 = work.resolve("playable.mp4");
            long start = System.nanoTime();
            ProbeResult p = media.probe(video);
            long probe = (System.nanoTime() - start) / 1_000_000;
            MediaProcessor.Preparation[] path = {null};
            long prepare = millis(() -> path[0] = media.prepare(video, p, mp4, percent -> { }));
            long hls = millis(() -> media.packageHls(mp4, work.resolve("hls"), p.durationSeconds(), percent -> { }));
            long poster = millis(() -> media.poster(mp4, work.resolve("poster.jpg"), p.durationSeconds()));
            long storyboard = millis(() -> media.storyboard(mp4, work.resolve("storyboard.jpg"), p.durationSeconds(), percent -> { }));
            long decode = millis(() -> FfmpegProcess.capture(media.binaries(), FfmpegCommands.decodeOnly(media.binaries().ffmpeg(), video),
                    Duration.ofMinutes(30)));
            long perception = millis(() -> {
                try (FrameDecoder decoder = FrameDecoder.open(media.binaries(), video, p, PERCEPTION_FPS, PERCEPTION_MAX, PERCEPTION_MAX)) {
                    int n = 0;
                    for (DecodedFrame ignored : decoder) n++;
                    frames[0] = n;
                    warnings[0] = decoder.decodeWarnings();
                }
            });
            return new Times(path[0], probe, prepare, hls, poster, storyboard, decode, perception);
        } finally {
            deleteRecursively(work);
        }
    }

    private static long millis(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Times> runs, java.util.function.ToLongFunction<Times> field) {
        long[] values = runs.stream().mapToLong(field).sorted().toArray();
        return values[values.length / 2];
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
