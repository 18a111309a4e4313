package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProbeParserTest {

    @Test
    void parse_whenPhoneVideo_readsStreamsFormatAndDisplayMatrixRotationClockwise() {
        ProbeResult probe = ProbeParser.parse("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":1920,"height":1080,
                             "r_frame_rate":"30/1","avg_frame_rate":"30/1","side_data_list":[{"rotation":-90}]},
                            {"codec_type":"audio","codec_name":"aac"}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.5","bit_rate":"4000000"}}""");
        assertThat(probe).isEqualTo(new ProbeResult("mov,mp4,m4a,3gp,3g2,mj2", 12.5, 1920, 1080, 30, "h264", "aac", 90, false, 4_000_000));
        assertThat(probe.displayWidth()).isEqualTo(1080);
    }

    @Test
    void parse_whenRatesDisagreeAndLegacyRotateTag_flagsVariableFrameRateAndRotation() {
        ProbeResult probe = ProbeParser.parse("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":2,"height":2,"r_frame_rate":"30/1","avg_frame_rate":"2997/125",
                             "tags":{"rotate":"180"}}],
                 "format":{"format_name":"mp4","duration":"3"}}""");
        assertThat(probe.variableFrameRate()).isTrue();
        assertThat(probe.fps()).isEqualTo(23.976);
        assertThat(probe.rotation()).isEqualTo(180);
    }

    @Test
    void parse_whenOnlyAudioOrCoverArt_throwsNotAVideo() {
        assertThatThrownBy(() -> ProbeParser.parse("""
                {"streams":[{"codec_type":"audio","codec_name":"mp3"},
                            {"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],
                 "format":{"format_name":"mp3","duration":"200"}}"""))
                .isInstanceOf(MediaException.class)
                .hasMessage("not a video: ffprobe found no video stream (only mp3 audio, mjpeg cover picture)");
    }

    @Test
    void parse_whenDisplayMatrixTurnsClockwise_reportsTheRemainingTurn() {
        // A display matrix of +90 (counter-clockwise) is a clockwise turn of 270 degrees.
        ProbeResult probe = ProbeParser.parse(video("\"side_data_list\":[{\"side_data_type\":\"Display Matrix\",\"rotation\":90}]"));
        assertThat(probe.rotation()).isEqualTo(270);
        assertThat(probe.displayWidth()).isEqualTo(480);
        assertThat(ProbeParser.parse(video("\"side_data_list\":[{\"rotation\":-180}]")).rotation()).isEqualTo(180);
        assertThat(ProbeParser.parse(video("\"tags\":{\"rotate\":\"0\"}")).rotation()).isZero();
    }

    @Test
    void parse_whenRatesDifferByRounding_isConstantFrameRate() {
        ProbeResult probe = ProbeParser.parse("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":480,
                             "r_frame_rate":"30000/1001","avg_frame_rate":"2997/100"}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"10"}}""");
        assertThat(probe.variableFrameRate()).isFalse();
        assertThat(probe.needsTranscode()).isFalse();
    }

    @Test
    void parse_whenNoDurationOrNotJson_throwsWithReason() {
        assertThatThrownBy(() -> ProbeParser.parse("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":480}],"format":{"format_name":"h264"}}"""))
                .isInstanceOf(MediaException.class).hasMessageContaining("no duration");
        assertThatThrownBy(() -> ProbeParser.parse("Segmentation fault")).isInstanceOf(MediaException.class);
    }

    @Test
    void longestKeyframeGap_whenKeyframesSparse_countsTheTailToTheWindowEnd() {
        String packets = "0.000000,K__\n0.100000,___\n25.000000,K__\n25.100000,___\n";
        assertThat(ProbeParser.longestKeyframeGap(packets, 30)).isEqualTo(25);
        assertThat(ProbeParser.longestKeyframeGap("0.000000,K__\n4.000000,K_\n", 30)).isEqualTo(26);
        assertThat(ProbeParser.longestKeyframeGap("0.000000,K__\n4.000000,K_\n8.000000,K__\n", 10)).isEqualTo(4);
        assertThat(ProbeParser.longestKeyframeGap("N/A,K__\n1.0,___\n", 6)).isEqualTo(6);
        assertThat(ProbeParser.longestKeyframeGap("", 6)).isEqualTo(6);
    }

    private static String video(String extra) {
        return """
                {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":480,"r_frame_rate":"25/1",
                             "avg_frame_rate":"25/1",%s}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"4"}}""".formatted(extra);
    }
}
