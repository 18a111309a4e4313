package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames for perception from a real ffmpeg: count, exact times, orientation, damage. */
class FrameDecoderTest {

    private static final MediaProcessor media = new MediaProcessor();
    private static final int WIDTH = 320;
    private static final int BOX = 240 / 4;

    @TempDir
    static Path dir;

    /** Where the generated box's centre is at time {@code t} of a {@code duration} clip, in source pixels. */
    private static double boxCentreAt(double t, double duration) {
        return (WIDTH - BOX) * t / duration + BOX / 2.0;
    }

    private static List<DecodedFrame> decode(Path video, double fps, int max) {
        try (FrameDecoder decoder = FrameDecoder.open(media, video, fps, max, max); Stream<DecodedFrame> frames = decoder.stream()) {
            return frames.toList();
        }
    }

    @Test
    void stream_whenConstantRate_givesDurationTimesFpsFramesWithMatchingContent() {
        Path video = SyntheticVideo.builder().duration(6).size(WIDTH, 240).fps(10).movingBox(true).plainBackground(true).build()
                .writeTo(dir.resolve("cfr.mp4"));
        List<DecodedFrame> frames = decode(video, 2, 160);

        assertThat(frames).hasSize(12);
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = frames.get(i);
            assertThat(frame.width()).isEqualTo(160);
            assertThat(frame.height()).isEqualTo(120);
            assertThat(frame.rgb()).hasSize(160 * 120 * 3);
            assertThat(frame.timestampSeconds()).isCloseTo(i * 0.5, offset(1e-6));
            assertThat(red(frame).x()).as("box at %.2f s", frame.timestampSeconds())
                    .isCloseTo(boxCentreAt(frame.timestampSeconds(), 6) / 2, offset(3.0));
        }
    }

    @Test
    void stream_whenSourceHasBFrames_skipsThemAtTheDecoderAndStillFillsEverySlot() {
        Path video = SyntheticVideo.builder().duration(6).size(WIDTH, 240).fps(30).movingBox(true).plainBackground(true)
                .codec(SyntheticVideo.Codec.H264_BFRAMES_MP4).build().writeTo(dir.resolve("bframes.mp4"));
        assertThat(FfmpegCommands.decodeFrames(Path.of("ffmpeg"), video, 2, 160, 120, true)).contains("noref");

        List<DecodedFrame> frames = decode(video, 2, 160);

        assertThat(frames).hasSize(12);
        for (int i = 0; i < frames.size(); i++) {
            DecodedFrame frame = frames.get(i);
            // the first kept frame of each half second: a skipped B-frame moves it by a few frames at most
            assertThat(frame.timestampSeconds()).isBetween(i * 0.5, i * 0.5 + 0.2);
            assertThat(red(frame).x()).as("box at %.2f s", frame.timestampSeconds())
                    .isCloseTo(boxCentreAt(frame.timestampSeconds(), 6) / 2, offset(3.0));
        }
    }

    @Test
    void openWithStoryboard_whenAllFramesRead_writesTheSameSpriteAsTheStoryboardStep() throws Exception {
        Path video = SyntheticVideo.builder().duration(6).size(WIDTH, 240).fps(10).movingBox(true).plainBackground(true).build()
                .writeTo(dir.resolve("with-storyboard.mp4"));
        Path alone = dir.resolve("alone.jpg");
        StoryboardLayout expected = media.storyboard(video, alone, 6, p -> { });
        Path shared = dir.resolve("sprites/shared.jpg");

        List<DecodedFrame> frames;
        try (FrameDecoder decoder = FrameDecoder.openWithStoryboard(media, video, 2, 160, 160, shared)) {
            frames = new java.util.ArrayList<>();
            for (DecodedFrame frame = decoder.next(); frame != null; frame = decoder.next()) {
                frames.add(frame);
                assertThat(shared).as("not in place before the last frame").doesNotExist();
            }
            assertThat(decoder.storyboard()).contains(expected);
        }

        assertThat(frames).hasSize(12);
        java.awt.image.BufferedImage sprite = javax.imageio.ImageIO.read(shared.toFile());
        java.awt.image.BufferedImage reference = javax.imageio.ImageIO.read(alone.toFile());
        assertThat(sprite.getWidth()).isEqualTo(reference.getWidth()).isEqualTo(expected.columns() * expected.tileWidth());
        assertThat(sprite.getHeight()).isEqualTo(reference.getHeight());
        // the moving red box is in the same place in the first and the last tile of both
        for (int tile : new int[] {0, expected.tiles() - 1}) {
            int x = tile % expected.columns() * expected.tileWidth();
            assertThat(redCentreX(sprite, x, expected)).isCloseTo(redCentreX(reference, x, expected), offset(3.0));
        }
        try (Stream<Path> left = Files.list(shared.getParent())) {
            assertThat(left).containsExactly(shared);
        }
    }

    @Test
    void openWithStoryboard_whenStoppedEarly_leavesNoSprite() throws Exception {
        Path video = SyntheticVideo.builder().duration(4).size(WIDTH, 240).fps(10).build().writeTo(dir.resolve("stopped.mp4"));
        Path sprite = dir.resolve("stopped/storyboard.jpg");
        try (FrameDecoder decoder = FrameDecoder.openWithStoryboard(media, video, 2, 160, 160, sprite)) {
            assertThat(decoder.next()).isNotNull();
            assertThat(decoder.storyboard()).isEmpty();
        }
        try (Stream<Path> left = Files.list(sprite.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    /** Mean x of the strongly red pixels in one tile, in tile pixels. */
    private static double redCentreX(java.awt.image.BufferedImage sprite, int tileX, StoryboardLayout layout) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < layout.tileHeight(); y++) {
            for (int x = 0; x < layout.tileWidth(); x++) {
                int rgb = sprite.getRGB(tileX + x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r > 150 && g < 100 && b < 100) {
                    sum += x;
                    count++;
                }
            }
        }
        assertThat(count).as("red pixels in the tile at %d", tileX).isPositive();
        return sum / count;
    }

    @Test
    void next_whenVariableFrameRate_givesEachFrameItsOwnPresentationTime() {
        // 10 fps for two seconds, then every third frame: frames at 0.0-1.9, 2.1, 2.4, 2.7, ...
        Path video = SyntheticVideo.builder().duration(6).size(WIDTH, 240).fps(10).movingBox(true).plainBackground(true)
                .variableFrameRate(true).build().writeTo(dir.resolve("vfr.mp4"));
        List<DecodedFrame> frames = decode(video, 2, 160);

        assertThat(frames).extracting(DecodedFrame::timestampSeconds)
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b))
                .containsExactly(0.0, 0.5, 1.0, 1.5, 2.1, 2.7, 3.0, 3.6, 4.2, 4.5, 5.1, 5.7);
        // The picture is the one shown at that time, not a neighbour re-timed onto a grid.
        for (DecodedFrame frame : frames) {
            assertThat(red(frame).x()).as("box at %.2f s", frame.timestampSeconds())
                    .isCloseTo(boxCentreAt(frame.timestampSeconds(), 6) / 2, offset(3.0));
        }
    }

    @Test
    void open_whenRotated_givesUprightFramesOfTheDisplaySize() {
        Path video = SyntheticVideo.builder().duration(2).size(WIDTH, 240).fps(10).movingBox(true).plainBackground(true).rotation(90)
                .build().writeTo(dir.resolve("rotated.mp4"));
        List<DecodedFrame> frames = decode(video, 2, 480);

        assertThat(frames).hasSize(4);
        assertThat(frames.get(0).width()).isEqualTo(240);
        assertThat(frames.get(0).height()).isEqualTo(WIDTH);
        // Turned a quarter clockwise for display, the box that slides right in the file moves down the screen.
        for (DecodedFrame frame : frames) {
            Centre centre = red(frame);
            assertThat(centre.x()).isCloseTo(120, offset(4.0));
            assertThat(centre.y()).isCloseTo(boxCentreAt(frame.timestampSeconds(), 2), offset(4.0));
        }
    }

    @Test
    void next_whenDataCorrupt_skipsOrConcealsAndCountsWarnings() {
        Path clean = SyntheticVideo.builder().duration(4).size(WIDTH, 240).fps(10).build().writeTo(dir.resolve("clean.mp4"));
        Path damaged = SyntheticVideo.corruptedCopy(clean, dir.resolve("damaged.mp4"), 2);
        try (FrameDecoder decoder = FrameDecoder.open(media, damaged, 2, 160, 160)) {
            List<DecodedFrame> frames = decoder.stream().toList();
            assertThat(frames).hasSizeBetween(4, 8);
            assertThat(decoder.decodeWarnings()).isPositive();
            assertThat(decoder.next()).isNull();
        }
    }

    @Test
    void open_whenNotAVideo_throwsWithReason() {
        Path text = SyntheticVideo.textFile(dir.resolve("notes.mp4"));
        assertThatThrownBy(() -> FrameDecoder.open(media, text, 2, 160, 160)).isInstanceOf(MediaException.class)
                .hasMessageStartingWith("invalid data found when processing input");
    }

    @Test
    void close_whenStoppedEarly_stopsFfmpeg() {
        Path video = SyntheticVideo.builder().duration(20).size(WIDTH, 240).fps(25).build().writeTo(dir.resolve("long.mp4"));
        FrameDecoder decoder = FrameDecoder.open(media, video, 25, 320, 320);
        assertThat(decoder.next()).isNotNull();
        long running = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
        decoder.close();
        assertThat(running).isPositive();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThan(running);
    }

    @Test
    void fit_whenLargerOrOdd_keepsAspectWithEvenSidesAndNeverEnlarges() {
        assertThat(FrameDecoder.fit(1920, 1080, 640, 640)).containsExactly(640, 360);
        assertThat(FrameDecoder.fit(1080, 1920, 640, 640)).containsExactly(360, 640);
        assertThat(FrameDecoder.fit(320, 240, 640, 640)).containsExactly(320, 240);
        assertThat(FrameDecoder.fit(333, 201, 1000, 1000)).containsExactly(332, 200);
    }

    private record Centre(double x, double y) {}

    /** Centre of the strongly red pixels: where the generated box is. */
    private static Centre red(DecodedFrame frame) {
        long sumX = 0;
        long sumY = 0;
        long count = 0;
        byte[] rgb = frame.rgb();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = (y * frame.width() + x) * 3;
                if ((rgb[i] & 0xff) > 180 && (rgb[i + 1] & 0xff) < 80 && (rgb[i + 2] & 0xff) < 80) {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }
        assertThat(count).as("red pixels at %.2f s", frame.timestampSeconds()).isPositive();
        return new Centre((double) sumX / count, (double) sumY / count);
    }
}
