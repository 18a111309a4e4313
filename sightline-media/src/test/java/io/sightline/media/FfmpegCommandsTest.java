package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegCommandsTest {

    private static final Path FFMPEG = Path.of("/bin/ffmpeg");
    private static final Path IN = Path.of("/data/in.mov");
    private static final Path OUT = Path.of("/data/out.mp4");

    private static ProbeResult probe(String codec, String audio, boolean vfr, int rotation) {
        return new ProbeResult("mov,mp4,m4a,3gp,3g2,mj2", 10, 1280, 720, 25, codec, audio, rotation, vfr, 1_000_000);
    }

    @Test
    void remux_whenCalled_copiesFirstVideoAndOptionalAudioWithFaststart() {
        assertThat(FfmpegCommands.remux(FFMPEG, IN, OUT)).containsSubsequence("-i", "/data/in.mov")
                .containsSubsequence("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "+faststart")
                .containsSubsequence("-progress", "pipe:1").endsWith("-f", "mp4", "/data/out.mp4")
                .contains("-nostdin");
    }

    @Test
    void transcode_whenVariableFrameRateWithAudio_forcesConstantRateAndEncodesAac() {
        List<String> args = FfmpegCommands.transcode(FFMPEG, IN, probe("hevc", "opus", true, 0), OUT);
        assertThat(args).containsSubsequence("-c:v", "libx264").containsSubsequence("-pix_fmt", "yuv420p")
                .containsSubsequence("-fps_mode", "cfr", "-r", "25").containsSubsequence("-c:a", "aac")
                .containsSubsequence("-force_key_frames", "expr:gte(t,n_forced*4)")
                .containsSubsequence("-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2");
    }

    @Test
    void transcode_whenAudioIsAacAlready_copiesIt() {
        assertThat(FfmpegCommands.transcode(FFMPEG, IN, probe("hevc", "aac", false, 0), OUT))
                .containsSubsequence("-c:a", "copy").doesNotContain("128k");
    }

    @Test
    void transcode_whenConstantRateWithoutAudio_hasNoRateOrAudioOptions() {
        List<String> args = FfmpegCommands.transcode(FFMPEG, IN, probe("mpeg4", null, false, 0), OUT);
        assertThat(args).doesNotContain("-fps_mode", "-c:a", "-r").containsSubsequence("-movflags", "+faststart")
                .endsWith("-f", "mp4", "/data/out.mp4");
    }

    @Test
    void hls_whenCalled_writesVodPlaylistAndNumberedSegmentsIntoTheDirectory() {
        assertThat(FfmpegCommands.hls(FFMPEG, OUT, Path.of("/data/hls")))
                .containsSubsequence("-c", "copy", "-hls_time", "4", "-hls_playlist_type", "vod",
                        "-hls_segment_filename", "/data/hls/seg%05d.ts")
                .endsWith("-f", "hls", "/data/hls/index.m3u8");
    }

    @Test
    void storyboard_whenCalled_tilesFramesAtTheLayoutsIntervalSkippingNonReferenceFrames() {
        StoryboardLayout layout = new StoryboardLayout(10, 3, 160, 90, 2, 25);
        assertThat(FfmpegCommands.storyboard(FFMPEG, OUT, layout, false, Path.of("/data/s.jpg")))
                .containsSubsequence("-skip_frame", "noref", "-i", "/data/out.mp4")
                .containsSubsequence("-map", "0:v:0", "-vf", "fps=1/2,scale=160:90,tile=10x3,format=yuvj420p", "-frames:v", "1")
                .endsWith("-f", "image2", "/data/s.jpg");
    }

    @Test
    void storyboard_whenKeyframesOnly_skipsOtherFramesAtTheDecoderOnOneThread() {
        StoryboardLayout layout = new StoryboardLayout(10, 10, 160, 90, 36, 100);
        assertThat(FfmpegCommands.storyboard(FFMPEG, OUT, layout, true, Path.of("/data/s.jpg")))
                .containsSubsequence("-skip_frame", "nokey", "-threads", "1", "-i", "/data/out.mp4")
                .containsSubsequence("-vf", "scale=160:90,tpad=stop_mode=clone:stop_duration=3600,fps=1/36,tile=10x10,format=yuvj420p");
    }

    @Test
    void looped_whenCalled_repeatsTheInputForTheLengthAndCopiesItsStreams() {
        assertThat(FfmpegCommands.looped(FFMPEG, IN, 60, OUT))
                .containsSubsequence("-stream_loop", "-1", "-i", "/data/in.mov", "-t", "60", "-map", "0", "-c", "copy")
                .endsWith("-f", "mp4", "/data/out.mp4");
    }

    @Test
    void poster_whenCalled_takesOneScaledFrameAtTheGivenTime() {
        assertThat(FfmpegCommands.poster(FFMPEG, OUT, 1.25, Path.of("/data/p.jpg")))
                .containsSubsequence("-ss", "1.25", "-i", "/data/out.mp4", "-map", "0:v:0", "-frames:v", "1", "-vf", "scale='min(640,iw)':-2")
                .endsWith("-f", "image2", "/data/p.jpg");
    }

    @Test
    void posterFromKeyframe_whenCalled_decodesKeyframesOnlyOnOneThreadWithinTheWindow() {
        assertThat(FfmpegCommands.posterFromKeyframe(FFMPEG, OUT, 6, 6, Path.of("/data/p.jpg")))
                .containsSubsequence("-skip_frame", "nokey", "-threads", "1", "-ss", "6", "-i", "/data/out.mp4", "-frames:v", "1")
                .containsSubsequence("-vf", "trim=end=6,scale='min(640,iw)':-2")
                .endsWith("-f", "image2", "/data/p.jpg");
    }

    @Test
    void decodeFrames_whenCalled_keepsTheFirstFrameOfEachSlotWithItsOwnTimestamp() {
        assertThat(FfmpegCommands.decodeFrames(FFMPEG, IN, 2.5, 640, 360, false))
                .containsSubsequence("-loglevel", "level+info", "-i", "/data/in.mov", "-map", "0:v:0")
                .doesNotContain("-skip_frame")
                .containsSubsequence("-vf", "select='isnan(prev_selected_t)+gt(floor(t*2.5)\\,floor(prev_selected_t*2.5))',scale=640:360,showinfo")
                .containsSubsequence("-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1")
                .doesNotContain("-progress");
    }

    @Test
    void decodeFrames_whenSkippingNonReferenceFrames_tellsTheDecoderBeforeTheInput() {
        assertThat(FfmpegCommands.decodeFrames(FFMPEG, IN, 2, 640, 360, true))
                .containsSubsequence("-skip_frame", "noref", "-i", "/data/in.mov");
    }

    @Test
    void decodeFramesAndStoryboard_whenCalled_splitsOneDecodingIntoTheFramesAndTheSprite() {
        StoryboardLayout layout = new StoryboardLayout(10, 1, 160, 90, 1, 6);
        assertThat(FfmpegCommands.decodeFramesAndStoryboard(FFMPEG, IN, 2, 640, 360, true, layout, Path.of("/data/.s.jpg")))
                .containsSubsequence("-skip_frame", "noref", "-i", "/data/in.mov", "-filter_complex")
                .contains("[0:v:0]split=2[sampled][tiled];[sampled]select='isnan(prev_selected_t)+gt(floor(t*2)\\,floor(prev_selected_t*2))'"
                        + ",scale=640:360,showinfo[frames];[tiled]fps=1/1,scale=160:90,tile=10x1,format=yuvj420p[storyboard]")
                .containsSubsequence("-map", "[frames]", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1")
                .endsWith("-map", "[storyboard]", "-frames:v", "1", "-q:v", "4", "-f", "image2", "/data/.s.jpg");
    }

    @Test
    void probe_whenCalled_asksForJsonWithFormatAndStreams() {
        assertThat(FfmpegCommands.probe(Path.of("/bin/ffprobe"), IN))
                .containsExactly("/bin/ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "/data/in.mov");
    }

    @Test
    void keyframes_whenCalled_listsVideoPacketTimesAndFlagsOfTheWindowWithoutDecoding() {
        assertThat(FfmpegCommands.keyframes(Path.of("/bin/ffprobe"), IN, 30)).containsExactly("/bin/ffprobe", "-v", "error",
                "-select_streams", "v:0", "-read_intervals", "%+30", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", "/data/in.mov");
    }

    @Test
    void transcode_whenVariableRateIsAbsurdlyHigh_capsTheConstantRate() {
        ProbeResult probe = new ProbeResult("mp4", 10, 640, 480, 1000, "h264", null, 0, true, 0);
        assertThat(FfmpegCommands.transcode(FFMPEG, IN, probe, OUT)).containsSubsequence("-fps_mode", "cfr", "-r", "60");
    }

    @Test
    void longCommands_whenBuilt_reportProgressOnStdoutWithoutStats() {
        ProbeResult probe = probe("hevc", "aac", false, 0);
        StoryboardLayout layout = new StoryboardLayout(1, 1, 160, 90, 1, 1);
        for (List<String> command : List.of(FfmpegCommands.remux(FFMPEG, IN, OUT), FfmpegCommands.transcode(FFMPEG, IN, probe, OUT),
                FfmpegCommands.hls(FFMPEG, OUT, Path.of("/data/hls")), FfmpegCommands.storyboard(FFMPEG, OUT, layout, false, Path.of("/s.jpg")))) {
            assertThat(command).containsSubsequence("-progress", "pipe:1", "-nostats").contains("-nostdin", "-y");
        }
    }

    @Test
    void decodeOnly_whenCalled_decodesToTheNullMuxer() {
        assertThat(FfmpegCommands.decodeOnly(FFMPEG, IN)).endsWith("-i", "/data/in.mov", "-f", "null", "-");
    }

    @Test
    void needsTranscode_whenNotH264AacMp4AtConstantRateUpright_isTrue() {
        assertThat(probe("h264", "aac", false, 0).needsTranscode()).isFalse();
        assertThat(probe("h264", null, false, 0).needsTranscode()).isFalse();
        assertThat(probe("h264", "mp3", false, 0).needsTranscode()).isTrue();
        assertThat(probe("h264", "aac", true, 0).needsTranscode()).isTrue();
        assertThat(probe("h264", "aac", false, 90).needsTranscode()).isTrue();
        assertThat(probe("hevc", "aac", false, 0).needsTranscode()).isTrue();
        assertThat(new ProbeResult("matroska,webm", 1, 2, 2, 25, "h264", null, 0, false, 0).needsTranscode()).isTrue();
    }

    @Test
    void storyboardLayout_whenLongOrPortrait_fitsAHundredTilesOfTheRightShape() {
        StoryboardLayout shortClip = StoryboardLayout.forVideo(6.2, 1280, 720);
        assertThat(shortClip).isEqualTo(new StoryboardLayout(7, 1, 160, 90, 1, 7));
        StoryboardLayout hour = StoryboardLayout.forVideo(3600, 720, 1280);
        assertThat(hour.tiles()).isLessThanOrEqualTo(100);
        assertThat(hour.intervalSeconds()).isEqualTo(36);
        assertThat(hour.tileHeight()).isEqualTo(284);
    }
}
