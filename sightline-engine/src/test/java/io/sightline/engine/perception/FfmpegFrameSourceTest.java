package io.sightline.engine.perception;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegFrameSourceTest {

    @TempDir
    Path dir;

    @Test
    void command_samplesScalesAndLogsPresentationTimes() {
        List<String> command = FfmpegFrameSource.command("ffmpeg", Path.of("in.mp4"), 2.5, 640);

        assertThat(command).containsSequence("-vf", "fps=2.5,scale=w='min(640,iw)':h=-2:flags=bilinear,showinfo")
                .containsSequence("-f", "image2pipe", "-vcodec", "ppm", "-").containsSequence("-err_detect", "ignore_err");
    }

    @Test
    void readPpm_whenTwoFramesInAStream_readsBothThenEnds() throws Exception {
        byte[] header = "P6\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[header.length + 6];
        System.arraycopy(header, 0, frame, 0, header.length);
        frame[header.length] = (byte) 200;
        var stream = new ByteArrayInputStream(concat(frame, frame));

        var first = FfmpegFrameSource.readPpm(stream);
        var second = FfmpegFrameSource.readPpm(stream);

        assertThat(first.width()).isEqualTo(2);
        assertThat(first.channel(0, 0, 0)).isEqualTo(200);
        assertThat(second.height()).isEqualTo(1);
        assertThat(FfmpegFrameSource.readPpm(stream)).isNull();
    }

    @Test
    void open_whenVideoSampled_givesExactTimesAndScaledFrames() throws Exception {
        Path video = TestVideos.crossingBox(dir, 3, null);
        List<VideoFrame> frames = new ArrayList<>();

        try (var decoded = FfmpegFrameSource.create().open(video, 2, 480)) {
            for (var f = decoded.next(); f.isPresent(); f = decoded.next()) frames.add(f.get());
            assertThat(decoded.durationSeconds()).isEqualTo(3.0);
        }

        assertThat(frames).extracting(VideoFrame::seconds).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0, 2.5);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.image().width()).isEqualTo(480);
            assertThat(f.image().height()).isEqualTo(270);
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
