package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        h264 = SyntheticVideo.builder().duration(6).size(320, 240).fps(10).withAudio(true).movingBox(true).build().writeTo(dir.resolve("base.mp4"));
    }

    @ParameterizedTest
    @EnumSource(SyntheticVideo.Codec.class)
    void prepare_whenAnySupportedCodec_producesPlayableH264Mp4(SyntheticVideo.Codec codec) {
        Path source = SyntheticVideo.builder().duration(2).size(160, 120).fps(10).codec(codec).build()
                .writeTo(dir.resolve("src-" + codec + "." + codec.format));
        ProbeResult probe = media.probe(source);
        assertThat(probe.durationSeconds()).isBetween(1.8, 2.3);

        Path out = dir.resolve("out-" + codec + ".mp4");
        List<Integer> progress = new ArrayList<>();
        MediaProcessor.Preparation done = media.prepare(source, probe, out, progress::add);

        assertThat(done).isEqualTo(codec == SyntheticVideo.Codec.H264_MP4 ? MediaProcessor.Preparation.REMUXED : MediaProcessor.Preparation.TRANSCODED);
        ProbeResult result = media.probe(out);
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.needsTranscode()).isFalse();
        assertThat(progress).isSorted().last().isEqualTo(100);
    }

    @Test
    void probe_whenRotatedOrVariableFrameRate_reportsIt_andTranscodeMakesItUpright() {
        Path rotated = SyntheticVideo.builder().duration(1).size(160, 96).rotation(90).build().writeTo(dir.resolve("rot.mp4"));
        ProbeResult probe = media.probe(rotated);
        assertThat(probe.rotation()).isEqualTo(90);
        assertThat(probe.needsTranscode()).isTrue();
        Path upright = dir.resolve("upright.mp4");
        media.prepare(rotated, probe, upright, p -> { });
        ProbeResult out = media.probe(upright);
        assertThat(out.rotation()).isZero();
        assertThat(out.width()).isEqualTo(96);
        assertThat(out.height()).isEqualTo(160);

        Path vfr = SyntheticVideo.builder().duration(4).variableFrameRate(true).build().writeTo(dir.resolve("vfr.mp4"));
        assertThat(media.probe(vfr).variableFrameRate()).isTrue();
        Path cfr = dir.resolve("cfr.mp4");
        media.prepare(vfr, media.probe(vfr), cfr, p -> { });
        assertThat(media.probe(cfr).variableFrameRate()).isFalse();
    }

    @Test
    void packageHls_writesPlaylistAndSegmentsCoveringTheVideo() throws Exception {
        Path hls = dir.resolve("hls");
        media.packageHls(h264, hls, 6, p -> { });
        media.packageHls(h264, hls, 6, p -> { });
        String playlist = Files.readString(hls.resolve("index.m3u8"));
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST");
        double total = playlist.lines().filter(l -> l.startsWith("#EXTINF:"))
                .mapToDouble(l -> Double.parseDouble(l.substring(8, l.indexOf(',')))).sum();
        assertThat(total).isBetween(5.5, 6.5);
        for (String segment : playlist.lines().filter(l -> l.endsWith(".ts")).toList()) assertThat(hls.resolve(segment)).isRegularFile();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void posterAndStoryboard_haveTheExpectedSizes() throws Exception {
        Path poster = dir.resolve("poster.jpg");
        media.poster(h264, poster, 6);
        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image.getWidth()).isEqualTo(320);

        Path sprite = dir.resolve("storyboard.jpg");
        StoryboardLayout layout = media.storyboard(h264, sprite, 6, p -> { });
        assertThat(layout.tiles()).isEqualTo(6);
        BufferedImage board = ImageIO.read(sprite.toFile());
        assertThat(board.getWidth()).isEqualTo(layout.columns() * layout.tileWidth());
        assertThat(board.getHeight()).isEqualTo(layout.rows() * layout.tileHeight());
    }

    @Test
    void frameDecoder_samplesFramesWithTheirTimestampsAndFollowsTheBox() {
        Path boxOnGrey = SyntheticVideo.builder().duration(6).size(320, 240).fps(10).movingBox(true).plainBackground(true)
                .build().writeTo(dir.resolve("box.mp4"));
        List<DecodedFrame> frames;
        try (FrameDecoder decoder = FrameDecoder.open(media, boxOnGrey, 2, 160, 160)) {
            frames = decoder.stream().toList();
        }
        assertThat(frames).hasSizeBetween(11, 13);
        assertThat(frames.get(0).width()).isEqualTo(160);
        assertThat(frames.get(0).height()).isEqualTo(120);
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).timestampSeconds() - frames.get(i - 1).timestampSeconds()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.06));
        }
        assertThat(redCentreX(frames.get(frames.size() - 1))).isGreaterThan(redCentreX(frames.get(1)) + 40);
    }

    @Test
    void probe_whenNotAVideo_saysWhy() throws Exception {
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(100));
        Path truncated = SyntheticVideo.truncatedCopy(h264, dir.resolve("cut.mp4"), 0.5);
        for (Path bad : List.of(empty, text, truncated)) {
            assertThatThrownBy(() -> media.probe(bad)).as(bad.toString()).isInstanceOf(MediaException.class)
                    .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
        }
        assertThatThrownBy(() -> media.probe(truncated)).hasMessageContaining("truncated");
    }

    /** Mean x of strongly red pixels: where the generated box is. */
    private static double redCentreX(DecodedFrame frame) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = (y * frame.width() + x) * 3;
                int r = frame.rgb()[i] & 0xff, g = frame.rgb()[i + 1] & 0xff, b = frame.rgb()[i + 2] & 0xff;
                if (r > 180 && g < 80 && b < 80) {
                    sum += x;
                    count++;
                }
            }
        }
        return count == 0 ? -1 : (double) sum / count;
    }
}
