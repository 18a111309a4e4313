package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticVideoTest {

    private static final MediaProcessor media = new MediaProcessor();

    @TempDir
    Path dir;

    @Test
    void writeTo_whenTextWithoutFontFile_drawsItWithThePixelFont() throws Exception {
        Path video = SyntheticVideo.builder().duration(1).size(320, 240).plainBackground(true).text("2015/09/18 07:53:29")
                .systemFont(false).build().writeTo(dir.resolve("pixel-text.mp4"));
        assertTextBandAtBottomLeft(video);
    }

    @Test
    void writeTo_whenTextAndAFontFileExists_drawsItWithDrawtext() throws Exception {
        assumeTrue(SyntheticVideo.fontFile().isPresent(), "no font file on this machine; the pixel font test covers text");
        Path video = SyntheticVideo.builder().duration(1).size(320, 240).plainBackground(true).text("Speed: 42 km/h \\ 'quoted'")
                .build().writeTo(dir.resolve("font-text.mp4"));
        assertTextBandAtBottomLeft(video);
    }

    @Test
    void drawtext_whenTextHasColonsAndBackslashes_escapesThemForTheFilterGraph() {
        assertThat(SyntheticVideo.drawtext("a:b\\c'd", Path.of("/f.ttf")))
                .startsWith("drawtext=fontfile='/f.ttf':expansion=none:text='a\\:b\\\\\\\\cd':");
    }

    @Test
    void writeTo_whenAudioRequestedForAContainerWithoutAac_leavesAudioOut() {
        Path avi = SyntheticVideo.builder().duration(1).codec(SyntheticVideo.Codec.CINEPAK_AVI).withAudio(true).build()
                .writeTo(dir.resolve("silent.avi"));
        assertThat(media.probe(avi).audioCodec()).isNull();
    }

    @Test
    void builder_whenSizeOddOrRotationNotAQuarter_rejectsIt() {
        assertThatThrownBy(() -> SyntheticVideo.builder().size(161, 120)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticVideo.builder().rotation(45)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenFileHelpers_whenCalled_writeWhatTheySay() throws Exception {
        Path source = SyntheticVideo.builder().duration(1).build().writeTo(dir.resolve("source.mp4"));
        assertThat(SyntheticVideo.emptyFile(dir.resolve("e.mp4"))).isEmptyFile();
        assertThat(Files.readString(SyntheticVideo.textFile(dir.resolve("t.mp4")))).startsWith("This is not a video");
        assertThat(Files.size(SyntheticVideo.truncatedCopy(source, dir.resolve("c.mp4"), 0.25))).isEqualTo(Files.size(source) / 4);
        Path corrupted = SyntheticVideo.corruptedCopy(source, dir.resolve("x.mp4"), 2);
        assertThat(Files.size(corrupted)).isEqualTo(Files.size(source));
        assertThat(Files.readAllBytes(corrupted)).isNotEqualTo(Files.readAllBytes(source));
    }

    /** The poster-style frame shows a dark band with bright text at the bottom left and grey elsewhere. */
    private void assertTextBandAtBottomLeft(Path video) throws Exception {
        Path frame = dir.resolve(video.getFileName() + ".png");
        FfmpegProcess.capture(media.binaries(), java.util.List.of(media.binaries().ffmpeg().toString(), "-nostdin", "-loglevel", "error",
                "-y", "-i", video.toString(), "-frames:v", "1", frame.toString()), java.time.Duration.ofMinutes(1));
        BufferedImage image = ImageIO.read(frame.toFile());
        int bright = 0;
        int dark = 0;
        for (int y = 200; y < 235; y++) {
            for (int x = 10; x < 150; x++) {
                int luma = image.getRGB(x, y) & 0xff;
                if (luma > 200) bright++;
                if (luma < 90) dark++;
            }
        }
        assertThat(bright).as("text pixels").isGreaterThan(50);
        assertThat(dark).as("band pixels").isGreaterThan(200);
        assertThat(image.getRGB(160, 60) & 0xff).as("background").isBetween(100, 160);
    }
}
