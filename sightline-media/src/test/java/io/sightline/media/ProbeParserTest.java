package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProbeParserTest {

    @Test
    void parse_readsStreamsFormatAndDisplayMatrixRotation() {
        ProbeResult probe = ProbeParser.parse("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":1920,"height":1080,
                             "r_frame_rate":"30/1","avg_frame_rate":"30/1","side_data_list":[{"rotation":-90}]},
                            {"codec_type":"audio","codec_name":"aac"}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.5","bit_rate":"4000000"}}""");
        assertThat(probe).isEqualTo(new ProbeResult("mov,mp4,m4a,3gp,3g2,mj2", 12.5, 1920, 1080, 30, "h264", "aac", 90, false, 4_000_000));
        assertThat(probe.displayWidth()).isEqualTo(1080);
    }

    @Test
    void parse_whenRatesDisagree_flagsVariableFrameRate() {
        ProbeResult probe = ProbeParser.parse("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":2,"height":2,"r_frame_rate":"30/1","avg_frame_rate":"2997/125",
                             "tags":{"rotate":"180"}}],
                 "format":{"format_name":"mp4","duration":"3"}}""");
        assertThat(probe.variableFrameRate()).isTrue();
        assertThat(probe.fps()).isEqualTo(23.976);
        assertThat(probe.rotation()).isEqualTo(180);
    }

    @Test
    void parse_whenOnlyAudioOrCoverArt_isNotAVideo() {
        assertThatThrownBy(() -> ProbeParser.parse("""
                {"streams":[{"codec_type":"audio","codec_name":"mp3"},
                            {"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],
                 "format":{"format_name":"mp3","duration":"200"}}"""))
                .isInstanceOf(MediaException.class).hasMessageContaining("no video stream");
    }
}
