package io.sightline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerPathsTest {

    @Test
    void hide_whenFfprobeNamesABlob_keepsOnlyTheFileName() {
        assertThat(ServerPaths.hide("invalid data found when processing input (ffprobe: /srv/sightline/blobs/videos/vid_1/source:"
                + " Invalid data found when processing input)"))
                .isEqualTo("invalid data found when processing input (ffprobe: source: Invalid data found when processing input)");
    }

    @Test
    void hide_whenThereIsNoAbsolutePath_changesNothing() {
        String message = "cannot decode playable.mp4: 2015/09/18 at 54 km/h, 1/2 of it, see http://127.0.0.1:8080/v1/videos/vid_1 or ./relative/path";
        assertThat(ServerPaths.hide(message)).isEqualTo(message);
        assertThat(ServerPaths.hide(null)).isNull();
    }

    @Test
    void hide_whenSeveralPathsAppear_hidesEach() {
        assertThat(ServerPaths.hide("/tmp/a/in.mp4 -> '/var/lib/x/out.mp4'; /data/hls/seg_%03d.ts"))
                .isEqualTo("in.mp4 -> 'out.mp4'; seg_%03d.ts");
    }
}
