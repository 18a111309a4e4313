package io.sightline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The media steps of a video, each writing its output atomically (a temporary name, then a
 * rename), so an interrupted step leaves nothing half-written under the final name and running
 * a step again is harmless.
 */
public final class MediaProcessor {

    /** What {@link #prepare} did. */
    public enum Preparation { REMUXED, TRANSCODED }

    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WORK_TIMEOUT = Duration.ofHours(12);

    private final FfmpegBinaries binaries;

    public MediaProcessor(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    public MediaProcessor() {
        this(FfmpegBinaries.locate());
    }

    public FfmpegBinaries binaries() {
        return binaries;
    }

    /** @throws MediaException when the file is not a readable video, saying why */
    public ProbeResult probe(Path file) {
        String json;
        try {
            json = FfmpegProcess.capture(binaries, FfmpegCommands.probe(binaries.ffprobe(), file), PROBE_TIMEOUT);
        } catch (MediaException e) {
            throw new MediaException(reason(e.getMessage()), e);
        }
        return ProbeParser.parse(json);
    }

    /** Writes a playable H.264/AAC MP4: remuxed when the source already fits, transcoded otherwise. */
    public Preparation prepare(Path source, ProbeResult probe, Path mp4, IntConsumer progress) {
        boolean transcode = probe.needsTranscode();
        atomically(mp4, ".mp4", temp -> FfmpegProcess.run(binaries, transcode
                ? FfmpegCommands.transcode(binaries.ffmpeg(), source, probe, temp)
                : FfmpegCommands.remux(binaries.ffmpeg(), source, temp), probe.durationSeconds(), progress, WORK_TIMEOUT));
        return transcode ? Preparation.TRANSCODED : Preparation.REMUXED;
    }

    /** Packages the MP4 as HLS VOD into {@code dir} ({@code index.m3u8} + segments), replacing what was there. */
    public void packageHls(Path mp4, Path dir, double durationSeconds, IntConsumer progress) {
        Path temp = dir.resolveSibling(dir.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            FfmpegProcess.run(binaries, FfmpegCommands.hls(binaries.ffmpeg(), mp4, temp), durationSeconds, progress, WORK_TIMEOUT);
            deleteRecursively(dir);
            move(temp, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(temp);
        }
    }

    /** A poster frame at a tenth of the way in (past black lead-ins), at most 640 wide. */
    public void poster(Path mp4, Path jpeg, double durationSeconds) {
        double at = Math.min(durationSeconds * 0.1, Math.max(0, durationSeconds - 0.1));
        atomically(jpeg, ".jpg", temp -> FfmpegProcess.run(binaries, FfmpegCommands.poster(binaries.ffmpeg(), mp4, at, temp),
                0, p -> { }, WORK_TIMEOUT));
    }

    /** The storyboard sprite for scrubbing; returns its layout. */
    public StoryboardLayout storyboard(Path mp4, Path jpeg, double durationSeconds, IntConsumer progress) {
        ProbeResult probe = probe(mp4);
        StoryboardLayout layout = StoryboardLayout.forVideo(durationSeconds > 0 ? durationSeconds : probe.durationSeconds(),
                probe.displayWidth(), probe.displayHeight());
        atomically(jpeg, ".jpg", temp -> FfmpegProcess.run(binaries, FfmpegCommands.storyboard(binaries.ffmpeg(), mp4, layout, temp),
                probe.durationSeconds(), progress, WORK_TIMEOUT));
        return layout;
    }

    /** ffprobe's messages made into a reason a user can act on. */
    static String reason(String ffprobeMessage) {
        String m = ffprobeMessage == null ? "" : ffprobeMessage;
        if (m.contains("moov atom not found")) return "the file is truncated or not finished (its MP4 index is missing)";
        if (m.contains("Invalid data found")) return "the file is not in a video format ffmpeg understands";
        return m;
    }

    private interface Writer {
        void write(Path temp);
    }

    private static void atomically(Path target, String suffix, Writer writer) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID() + suffix);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            writer.write(temp);
            if (!Files.exists(temp) || Files.size(temp) == 0) throw new MediaException("ffmpeg wrote no output for " + target.getFileName());
            move(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
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
