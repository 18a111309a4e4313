package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sightline.media.SyntheticVideo.Codec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real ffmpeg on generated clips of every kind the platform must handle. */
class MediaProcessorTest {

    private static final MediaProcessor media = new MediaProcessor();

    @TempDir
    static Path dir;

    private static Path h264;

    @BeforeAll
    static void generate() {
        h264 = SyntheticVideo.builder().duration(6).size(320, 240).fps(10).withAudio(true).movingBox(true).plainBackground(true).build().writeTo(dir.resolve("base.mp4"));
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void prepare_whenAnySupportedCodec_producesH264Mp4ThatNeedsNoMoreWork(Codec codec) {
        Path source = SyntheticVideo.builder().duration(2).size(160, 120).fps(10).codec(codec).withAudio(true).build()
                .writeTo(dir.resolve("src-" + codec + "." + codec.extension()));
        ProbeResult probe = media.probe(source);
        assertThat(probe.durationSeconds()).isBetween(1.9, 2.2);
        assertThat(probe.videoCodec()).isEqualTo(switch (codec) {
            case H264_MP4, H264_BFRAMES_MP4, H264_MKV -> "h264";
            case HEVC_MP4 -> "hevc";
            case MPEG4_AVI, MPEG4_MP4 -> "mpeg4";
            case VP9_WEBM -> "vp9";
            case CINEPAK_AVI -> "cinepak";
        });
        assertThat(probe.audioCodec()).isEqualTo(codec.carriesAac ? "aac" : null);
        assertThat(probe.variableFrameRate()).isFalse();
        assertThat(probe.rotation()).isZero();
        assertThat(probe.fps()).isEqualTo(10);

        Path out = dir.resolve("out-" + codec + ".mp4");
        List<Integer> progress = new ArrayList<>();
        MediaProcessor.Preparation done = media.prepare(source, probe, out, progress::add);

        assertThat(done).isEqualTo(codec == Codec.H264_MP4 || codec == Codec.H264_BFRAMES_MP4 ? MediaProcessor.Preparation.REMUXED : MediaProcessor.Preparation.TRANSCODED);
        ProbeResult result = media.probe(out);
        assertThat(result.container()).contains("mp4");
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.audioCodec()).isEqualTo(probe.audioCodec() == null ? null : "aac");
        assertThat(result.durationSeconds()).isCloseTo(probe.durationSeconds(), org.assertj.core.data.Offset.offset(0.15));
        assertThat(result.needsTranscode()).isFalse();
        assertThat(progress).isSorted().last().isEqualTo(100);
    }

    @Test
    void prepare_whenH264KeyframesTooFarApartForHls_transcodesWithKeyframesEverySegment() {
        // x264's default keyframe interval is 250 frames: a 12 s clip at 10 fps has a single keyframe.
        Path sparse = SyntheticVideo.builder().duration(12).size(160, 120).fps(10).movingBox(true).plainBackground(true).build()
                .writeTo(dir.resolve("sparse.mp4"));
        ProbeResult probe = media.probe(sparse);
        assertThat(probe.needsTranscode()).isFalse();
        assertThat(media.longestKeyframeGap(sparse, probe)).isCloseTo(12, org.assertj.core.data.Offset.offset(0.01));

        Path out = dir.resolve("sparse-out.mp4");
        assertThat(media.prepare(sparse, probe, out, p -> { })).isEqualTo(MediaProcessor.Preparation.TRANSCODED);
        assertThat(media.longestKeyframeGap(out, media.probe(out))).isCloseTo(4, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void prepare_whenOddSizedMpeg4_transcodesToEvenDimensionsAndFaststart() throws Exception {
        Path odd = dir.resolve("odd.avi");
        FfmpegProcess.capture(media.binaries(), List.of(media.binaries().ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=161x121:rate=10:duration=1", "-c:v", "mpeg4", odd.toString()), java.time.Duration.ofMinutes(1));
        Path out = dir.resolve("odd.mp4");
        media.prepare(odd, media.probe(odd), out, p -> { });
        ProbeResult result = media.probe(out);
        assertThat(result.width()).isEqualTo(160);
        assertThat(result.height()).isEqualTo(120);
        assertThat(boxOrder(out)).containsSubsequence("moov", "mdat");
    }

    @Test
    void probeAndPrepare_whenRotated_reportClockwiseRotationAndTranscodeUpright() {
        for (int rotation : new int[] {90, 270}) {
            Path rotated = SyntheticVideo.builder().duration(1).size(160, 96).rotation(rotation).build().writeTo(dir.resolve("rot" + rotation + ".mp4"));
            ProbeResult probe = media.probe(rotated);
            assertThat(probe.rotation()).isEqualTo(rotation);
            assertThat(probe.displayWidth()).isEqualTo(96);
            assertThat(probe.needsTranscode()).isTrue();
            Path upright = dir.resolve("upright" + rotation + ".mp4");
            assertThat(media.prepare(rotated, probe, upright, p -> { })).isEqualTo(MediaProcessor.Preparation.TRANSCODED);
            ProbeResult out = media.probe(upright);
            assertThat(out.rotation()).isZero();
            assertThat(out.width()).isEqualTo(96);
            assertThat(out.height()).isEqualTo(160);
        }
    }

    @Test
    void probeAndPrepare_whenVariableFrameRate_detectItAndTranscodeToConstantRate() {
        Path vfr = SyntheticVideo.builder().duration(4).variableFrameRate(true).build().writeTo(dir.resolve("vfr.mp4"));
        ProbeResult probe = media.probe(vfr);
        assertThat(probe.variableFrameRate()).isTrue();
        assertThat(probe.videoCodec()).isEqualTo("h264");
        Path cfr = dir.resolve("cfr.mp4");
        assertThat(media.prepare(vfr, probe, cfr, p -> { })).isEqualTo(MediaProcessor.Preparation.TRANSCODED);
        ProbeResult out = media.probe(cfr);
        assertThat(out.variableFrameRate()).isFalse();
        assertThat(out.fps()).isCloseTo(probe.fps(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(out.durationSeconds()).isCloseTo(probe.durationSeconds(), org.assertj.core.data.Offset.offset(0.4));
    }

    @Test
    void loop_whenClipIsShorterThanAsked_playsItOverAndOverForTheWholeLength() throws Exception {
        Path looped = dir.resolve("looped.mp4");

        media.loop(h264, 15, looped);

        ProbeResult probe = media.probe(looped);
        assertThat(probe.durationSeconds()).isCloseTo(15, org.assertj.core.data.Offset.offset(0.2));
        assertThat(probe.width()).isEqualTo(320);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".looped"));
        }
    }

    @Test
    void prepare_whenRunTwice_givesTheSameFileAndLeavesNothingElse() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("twice"));
        Path out = sub.resolve("playable.mp4");
        ProbeResult probe = media.probe(h264);
        media.prepare(h264, probe, out, p -> { });
        byte[] first = Files.readAllBytes(out);
        media.prepare(h264, probe, out, p -> { });
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
        try (Stream<Path> files = Files.list(sub)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void prepare_whenInterrupted_leavesNoFileUnderTheFinalName() throws Exception {
        Path longer = SyntheticVideo.builder().duration(60).size(640, 480).fps(25).codec(Codec.MPEG4_AVI).build().writeTo(dir.resolve("long.avi"));
        Path sub = Files.createDirectories(dir.resolve("interrupted"));
        Path out = sub.resolve("playable.mp4");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        ProbeResult probe = media.probe(longer);
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                media.prepare(longer, probe, out, p -> started.countDown());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).as("transcode reported progress").isTrue();
        worker.interrupt();
        worker.join(20_000);
        assertThat(failure.get()).isInstanceOf(MediaException.class).hasMessageContaining("interrupted");
        try (Stream<Path> files = Files.list(sub)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void packageHls_whenRunTwiceOnATranscode_writesVodPlaylistOfFourSecondSegmentsCoveringTheVideo() throws Exception {
        Path avi = SyntheticVideo.builder().duration(6).size(320, 240).fps(10).codec(Codec.MPEG4_AVI).build().writeTo(dir.resolve("hls-src.avi"));
        Path playable = dir.resolve("hls-src.mp4");
        media.prepare(avi, media.probe(avi), playable, p -> { });
        Path hls = dir.resolve("hls");
        List<Integer> progress = new ArrayList<>();
        media.packageHls(playable, hls, 6, progress::add);
        Files.writeString(hls.resolve("stale.ts"), "from an older run");
        media.packageHls(playable, hls, 6, p -> { });

        String playlist = Files.readString(hls.resolve("index.m3u8"));
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST");
        List<Double> durations = playlist.lines().filter(l -> l.startsWith("#EXTINF:"))
                .map(l -> Double.parseDouble(l.substring(8, l.indexOf(',')))).toList();
        assertThat(durations).hasSize(2);
        assertThat(durations.get(0)).isCloseTo(4, org.assertj.core.data.Offset.offset(0.05));
        assertThat(durations.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(6, org.assertj.core.data.Offset.offset(0.15));
        List<String> segments = playlist.lines().filter(l -> l.endsWith(".ts")).toList();
        assertThat(segments).containsExactly("seg00000.ts", "seg00001.ts");
        for (String segment : segments) assertThat(hls.resolve(segment)).isNotEmptyFile();
        try (Stream<Path> files = Files.list(hls)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(Stream.of("index.m3u8"), segments.stream()).toList());
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
        assertThat(progress).isSorted().last().isEqualTo(100);
    }

    @Test
    void posterAndStoryboard_whenCalled_writeJpegsOfTheExpectedSizes() throws Exception {
        Path poster = dir.resolve("poster.jpg");
        media.poster(h264, poster, 6);
        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);

        Path sprite = dir.resolve("storyboard.jpg");
        StoryboardLayout layout = media.storyboard(h264, sprite, 6, p -> { });
        assertThat(layout).isEqualTo(new StoryboardLayout(6, 1, 160, 120, 1, 6));
        BufferedImage board = ImageIO.read(sprite.toFile());
        assertThat(board.getWidth()).isEqualTo(layout.columns() * layout.tileWidth());
        assertThat(board.getHeight()).isEqualTo(layout.rows() * layout.tileHeight());
        // The box slides right, so the red in the last tile sits further right than in the first.
        assertThat(redCentreX(board, 5 * 160, 160)).isGreaterThan(redCentreX(board, 0, 160) + 60);
    }

    @Test
    void storyboard_whenLongPreparedVideo_decodesKeyframesOnlyAndStillShowsEachInterval() throws Exception {
        Path source = SyntheticVideo.builder().duration(1200).size(160, 120).fps(2).movingBox(true).plainBackground(true).build()
                .writeTo(dir.resolve("twenty-minutes.mp4"));
        Path playable = dir.resolve("twenty-minutes-playable.mp4");
        media.prepare(source, media.probe(source), playable, p -> { });
        Path sprite = dir.resolve("twenty-minutes.jpg");
        StoryboardLayout layout = media.storyboard(playable, sprite, 1200, p -> { });

        assertThat(layout).isEqualTo(new StoryboardLayout(10, 10, 160, 120, 12, 100));
        BufferedImage board = ImageIO.read(sprite.toFile());
        assertThat(board.getWidth()).isEqualTo(1600);
        assertThat(board.getHeight()).isEqualTo(1200);
        // Tile i shows about 12 i seconds in: the box, 30 px wide, has slid (160 - 30) * 12 i / 1200 px.
        for (int tile = 0; tile < 100; tile += 11) {
            BufferedImage cell = board.getSubimage(tile % 10 * 160, tile / 10 * 120, 160, 120);
            assertThat(redCentreX(cell, 0, 160)).as("tile %d", tile).isCloseTo(15 + 130 * 12.0 * tile / 1200, org.assertj.core.data.Offset.offset(6.0));
        }
    }

    @Test
    void storyboardFromKeyframes_whenShortVideoHasOneKeyframe_repeatsItInEveryTile() throws Exception {
        // base.mp4: 6 s, one keyframe at the start (ultrafast x264, default keyframe interval)
        Path sprite = dir.resolve("keyframes.jpg");
        StoryboardLayout layout = media.storyboardFromKeyframes(h264, sprite, 6, p -> { });

        assertThat(layout).isEqualTo(new StoryboardLayout(6, 1, 160, 120, 1, 6));
        BufferedImage board = ImageIO.read(sprite.toFile());
        assertThat(board.getWidth()).isEqualTo(6 * 160);
        assertThat(redCentreX(board, 0, 160)).isLessThan(40);
        assertThat(redCentreX(board, 5 * 160, 160)).isCloseTo(redCentreX(board, 0, 160), org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void poster_whenAKeyframeFollowsATenthIn_isThatKeyframe() throws Exception {
        // x264's default keyframe interval at 30 fps: keyframes at 0, 8.33, 16.67 ... s; the poster looks from 6 s on
        Path video = SyntheticVideo.builder().duration(60).size(320, 240).fps(30).movingBox(true).plainBackground(true).build()
                .writeTo(dir.resolve("sixty-seconds.mp4"));
        Path poster = dir.resolve("keyframe-poster.jpg");

        media.poster(video, poster, 60);

        double posterX = redCentreX(ImageIO.read(poster.toFile()), 0, 320);
        assertThat(posterX).isCloseTo(redCentreX(exactFrame(video, 25.0 / 3), 0, 320), org.assertj.core.data.Offset.offset(2.0));
        assertThat(Math.abs(posterX - redCentreX(exactFrame(video, 6), 0, 320))).isGreaterThan(5);
    }

    private static BufferedImage exactFrame(Path video, double seconds) throws Exception {
        Path jpeg = dir.resolve("exact-" + seconds + ".jpg");
        FfmpegProcess.run(media.binaries(), FfmpegCommands.poster(media.binaries().ffmpeg(), video, seconds, jpeg), 0, p -> { }, Duration.ofMinutes(1));
        return ImageIO.read(jpeg.toFile());
    }

    @Test
    void poster_whenSourceIsWide_scalesTo640Wide() throws Exception {
        Path wide = SyntheticVideo.builder().duration(1).size(1280, 720).build().writeTo(dir.resolve("wide.mp4"));
        Path poster = dir.resolve("wide.jpg");
        media.poster(wide, poster, 1);
        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void probe_whenEmptyFile_saysItIsEmpty() {
        Path empty = SyntheticVideo.emptyFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> media.probe(empty)).isInstanceOf(MediaException.class).hasMessage("the file is empty (0 bytes)");
    }

    @Test
    void probe_whenTextNamedMp4_saysInvalidData() {
        Path text = SyntheticVideo.textFile(dir.resolve("notes.mp4"));
        assertThatThrownBy(() -> media.probe(text)).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("invalid data found when processing input");
    }

    @Test
    void probe_whenTruncatedWithIndexAtTheEnd_saysTruncated() {
        Path truncated = SyntheticVideo.truncatedCopy(h264, dir.resolve("cut.mp4"), 0.5);
        assertThatThrownBy(() -> media.probe(truncated)).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("the file is truncated").hasMessageContaining("moov");
    }

    @Test
    void probe_whenTruncatedWithIndexUpFront_saysTruncated() {
        Path faststart = dir.resolve("faststart.mp4");
        media.prepare(h264, media.probe(h264), faststart, p -> { });
        Path truncated = SyntheticVideo.truncatedCopy(faststart, dir.resolve("cut-faststart.mp4"), 0.5);
        assertThatThrownBy(() -> media.probe(truncated)).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("the file is truncated");
    }

    @Test
    void prepare_whenInputEndsEarly_failsInsteadOfKeepingAShortCopy() {
        Path faststart = dir.resolve("faststart2.mp4");
        media.prepare(h264, media.probe(h264), faststart, p -> { });
        Path truncated = SyntheticVideo.truncatedCopy(faststart, dir.resolve("cut2.mp4"), 0.5);
        ProbeResult probeOfWhole = media.probe(faststart);
        Path out = dir.resolve("from-cut.mp4");
        assertThatThrownBy(() -> media.prepare(truncated, probeOfWhole, out, p -> { })).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("the file is truncated");
        assertThat(out).doesNotExist();
    }

    @Test
    void probe_whenAudioOnlyOrMissing_saysWhy() {
        Path audio = dir.resolve("tone.m4a");
        FfmpegProcess.capture(media.binaries(), List.of(media.binaries().ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", audio.toString()), java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> media.probe(audio)).isInstanceOf(MediaException.class)
                .hasMessage("not a video: ffprobe found no video stream (only aac audio)");
        assertThatThrownBy(() -> media.probe(dir.resolve("nowhere.mp4"))).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("the file does not exist");
    }

    @Test
    void probe_whenFfprobeCannotLoadItsLibraries_saysSoAndNotThatTheFileIsMissing() throws Exception {
        // the bundled ffprobe without the libraries beside it: the dynamic loader refuses to start it
        assumeTrue(media.binaries().environment().containsKey("LD_LIBRARY_PATH"), "needs the bundled ffprobe, whose libraries lie beside it");
        Path lonely = Files.createDirectories(dir.resolve("without-libraries")).resolve("ffprobe");
        Files.copy(media.binaries().ffprobe(), lonely);
        lonely.toFile().setExecutable(true);
        var broken = new MediaProcessor(new FfmpegBinaries(media.binaries().ffmpeg(), lonely, Map.of()));
        Path video = dir.resolve("exists.mp4");
        Files.write(video, new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'});

        assertThatThrownBy(() -> broken.probe(video)).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("ffprobe cannot start: a shared library it needs is missing")
                .hasMessageContaining("error while loading shared libraries");
    }

    /** The top-level box types of an MP4, in file order. */
    private static List<String> boxOrder(Path mp4) throws Exception {
        byte[] bytes = Files.readAllBytes(mp4);
        List<String> types = new ArrayList<>();
        for (int offset = 0; offset + 8 <= bytes.length; ) {
            long size = java.nio.ByteBuffer.wrap(bytes, offset, 4).getInt() & 0xffffffffL;
            types.add(new String(bytes, offset + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (size < 8) break;
            offset += (int) size;
        }
        return types;
    }

    /** Mean x of strongly red pixels within a column band of the image: where the generated box is. */
    static double redCentreX(BufferedImage image, int left, int width) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = left; x < left + width; x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r > 180 && g < 80 && b < 80) {
                    sum += x - left;
                    count++;
                }
            }
        }
        return count == 0 ? -1 : (double) sum / count;
    }
}
