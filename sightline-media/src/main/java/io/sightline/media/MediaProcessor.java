package io.sightline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The media steps of a video: probe, prepare (remux or transcode to H.264/AAC MP4), HLS
 * packaging, poster and storyboard. Each step writes under a temporary name in the target's
 * directory and renames it into place at the end, so an interrupted step never leaves a half
 * file under the final name, and running a step again gives the same result.
 * Failures are {@link MediaException}s whose message says why in plain words.
 */
public final class MediaProcessor {

    /** What {@link #prepare} did. */
    public enum Preparation { REMUXED, TRANSCODED }

    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WORK_TIMEOUT = Duration.ofHours(12);
    private static final String PARTIAL = ".partial-";
    /** Copied streams cut HLS segments at the source's keyframes; further apart than this, players start and seek slowly. */
    static final double MAX_KEYFRAME_GAP_SECONDS = 10;
    /**
     * From this length on the poster is looked for among keyframes first: the frames before a tenth in are then
     * seconds of decoding, where a keyframe that is not there costs one more ffmpeg start (about 0.1 s).
     */
    static final double KEYFRAME_POSTER_SECONDS = 30;
    private static final double KEYFRAME_WINDOW_SECONDS = 30;

    private final FfmpegBinaries binaries;

    public MediaProcessor(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    /** Uses the ffmpeg of this machine ({@link FfmpegBinaries#locate()}). */
    public MediaProcessor() {
        this(FfmpegBinaries.locate());
    }

    public FfmpegBinaries binaries() {
        return binaries;
    }

    /**
     * What the file holds.
     *
     * @throws MediaException when the file is missing, empty, truncated or not a video, saying which
     */
    public ProbeResult probe(Path file) {
        if (!Files.isRegularFile(file)) throw new MediaException("the file does not exist: " + file);
        long size = size(file);
        if (size == 0) throw new MediaException("the file is empty (0 bytes)");
        String json;
        try {
            json = FfmpegProcess.capture(binaries, FfmpegCommands.probe(binaries.ffprobe(), file), PROBE_TIMEOUT);
        } catch (MediaException e) {
            // A file that starts like an MP4 but has no index was cut off; anything else is not a video we can read.
            if (e.getMessage().contains("moov") && Mp4Boxes.looksLikeMp4(file)) {
                throw new MediaException(MediaErrors.TRUNCATED + " (its MP4 index, the moov box, is missing)", e);
            }
            throw e;
        }
        ProbeResult probe = ProbeParser.parse(json);
        if (Mp4Boxes.truncated(file)) {
            throw new MediaException(MediaErrors.TRUNCATED + " (an MP4 box reaches past the last of its " + size + " bytes)");
        }
        return probe;
    }

    /**
     * Writes a playable H.264/AAC MP4 with the index up front: remuxed when the source already
     * fits ({@link ProbeResult#needsTranscode()}) and has keyframes at most
     * {@link #MAX_KEYFRAME_GAP_SECONDS} apart (so HLS segments stay short), transcoded otherwise.
     *
     * @param progress called on this thread with increasing percentages, 100 at the end
     */
    public Preparation prepare(Path source, ProbeResult probe, Path mp4, IntConsumer progress) {
        boolean transcode = probe.needsTranscode() || longestKeyframeGap(source, probe) > MAX_KEYFRAME_GAP_SECONDS;
        atomically(mp4, temp -> {
            List<String> command = transcode
                    ? FfmpegCommands.transcode(binaries.ffmpeg(), source, probe, temp)
                    : FfmpegCommands.remux(binaries.ffmpeg(), source, temp);
            List<String> problems = FfmpegProcess.run(binaries, command, probe.durationSeconds(), progress, WORK_TIMEOUT);
            // ffmpeg ends successfully at a cut-off input; a shortened copy must not pass for the video.
            if (MediaErrors.showsTruncation(problems)) throw new MediaException(MediaErrors.explain("ffmpeg", problems, 0));
        });
        return transcode ? Preparation.TRANSCODED : Preparation.REMUXED;
    }

    /** Seconds between keyframes at most, in the first half minute: a packet scan, no decoding. */
    double longestKeyframeGap(Path video, ProbeResult probe) {
        double window = Math.min(probe.durationSeconds(), KEYFRAME_WINDOW_SECONDS);
        String packets = FfmpegProcess.capture(binaries, FfmpegCommands.keyframes(binaries.ffprobe(), video, window), PROBE_TIMEOUT);
        return ProbeParser.longestKeyframeGap(packets, window);
    }

    /**
     * Packages the MP4 as HLS VOD into {@code dir} ({@code index.m3u8} and {@code segNNNNN.ts}),
     * replacing what was there. The playlist is built in a sibling directory and swapped in.
     */
    public void packageHls(Path mp4, Path dir, double durationSeconds, IntConsumer progress) {
        Path building = sibling(dir);
        Path previous = sibling(dir);
        try {
            Files.createDirectories(building);
            FfmpegProcess.run(binaries, FfmpegCommands.hls(binaries.ffmpeg(), mp4, building), durationSeconds, progress, WORK_TIMEOUT);
            if (!Files.isRegularFile(building.resolve("index.m3u8"))) throw new MediaException("ffmpeg wrote no HLS playlist");
            if (Files.exists(dir)) move(dir, previous);
            move(building, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(building);
            deleteRecursively(previous);
        }
    }

    /**
     * A poster frame about a tenth of the way in (past black lead-ins), at most 640 pixels wide. In a video of at
     * least {@link #KEYFRAME_POSTER_SECONDS} it is the first keyframe in the tenth after that, which needs no other
     * frame decoded (1080p with a keyframe every 8 s: 0.64 → 0.12 s), or the exact frame when no keyframe lies there;
     * in a shorter one the exact frame, as few frames come before it.
     */
    public void poster(Path mp4, Path jpeg, double durationSeconds) {
        double at = Math.max(0, Math.min(durationSeconds * 0.1, durationSeconds - 0.5));
        double within = durationSeconds * 0.1;
        atomically(jpeg, temp -> {
            if (durationSeconds >= KEYFRAME_POSTER_SECONDS) {
                try {
                    FfmpegProcess.run(binaries, FfmpegCommands.posterFromKeyframe(binaries.ffmpeg(), mp4, at, within, temp), 0, p -> { }, WORK_TIMEOUT);
                    return;
                } catch (MediaException noKeyframeThere) {
                    // decoded exactly below; a file ffmpeg cannot read fails there too, with its own message
                }
            }
            FfmpegProcess.run(binaries, FfmpegCommands.poster(binaries.ffmpeg(), mp4, at, temp), 0, p -> { }, WORK_TIMEOUT);
        });
    }

    /**
     * The storyboard sprite for scrubbing: one tile every {@link StoryboardLayout#intervalSeconds()}
     * in a grid, as one JPEG. Expects an MP4 {@link #prepare} wrote: on long videos only its
     * keyframes are decoded, which are close enough together for the tiles.
     *
     * @return where each tile is in the sprite
     */
    public StoryboardLayout storyboard(Path mp4, Path jpeg, double durationSeconds, IntConsumer progress) {
        return storyboard(mp4, jpeg, durationSeconds, false, progress);
    }

    /**
     * A storyboard from the keyframes alone, whatever the interval: each tile shows the last keyframe
     * at or before its time, so tiles repeat where keyframes are further apart than tiles. A fraction
     * of the cost of {@link #storyboard}; for showing something until the exact sprite is made from a
     * decoding that happens anyway ({@link FrameDecoder#openWithStoryboard}).
     */
    public StoryboardLayout storyboardFromKeyframes(Path mp4, Path jpeg, double durationSeconds, IntConsumer progress) {
        return storyboard(mp4, jpeg, durationSeconds, true, progress);
    }

    private StoryboardLayout storyboard(Path mp4, Path jpeg, double durationSeconds, boolean keyframes, IntConsumer progress) {
        ProbeResult probe = probe(mp4);
        double duration = durationSeconds > 0 ? durationSeconds : probe.durationSeconds();
        StoryboardLayout layout = StoryboardLayout.forVideo(duration, probe.displayWidth(), probe.displayHeight());
        boolean keyframesOnly = keyframes || layout.intervalSeconds() >= MAX_KEYFRAME_GAP_SECONDS;
        atomically(jpeg, temp -> FfmpegProcess.run(binaries, FfmpegCommands.storyboard(binaries.ffmpeg(), mp4, layout, keyframesOnly, temp),
                duration, progress, WORK_TIMEOUT));
        return layout;
    }

    /** {@code source} played over and over for {@code seconds}, packets copied: a long video from a short clip, e.g. for benchmarks. */
    public void loop(Path source, double seconds, Path mp4) {
        atomically(mp4, temp -> FfmpegProcess.run(binaries, FfmpegCommands.looped(binaries.ffmpeg(), source, seconds, temp), seconds,
                p -> { }, WORK_TIMEOUT));
    }

    private interface Step {
        void writeTo(Path temp);
    }

    /** A temporary name beside the target, keeping its extension so ffmpeg picks the same muxer. */
    static Path temporary(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        return target.resolveSibling("." + name + PARTIAL + UUID.randomUUID() + extension);
    }

    private static Path sibling(Path dir) {
        return dir.resolveSibling("." + dir.getFileName() + PARTIAL + UUID.randomUUID());
    }

    private static void atomically(Path target, Step step) {
        Path temp = temporary(target);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            step.writeTo(temp);
            if (!putInPlace(temp, target)) throw new MediaException("ffmpeg wrote no output for " + target.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file is harmless and hidden
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new MediaException("the file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Moves a file ffmpeg wrote beside its target into place; false, leaving nothing, when it wrote nothing. */
    static boolean putInPlace(Path temp, Path target) {
        try {
            if (!Files.isRegularFile(temp) || Files.size(temp) == 0) {
                Files.deleteIfExists(temp);
                return false;
            }
            move(temp, target);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
