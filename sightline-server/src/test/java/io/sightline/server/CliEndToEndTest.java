package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.cli.SightlineCli;
import io.sightline.server.testing.TestServer;
import io.sightline.server.testing.TestVideos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it, against the real server. */
class CliEndToEndTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SightlineCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SIGHTLINE_API_KEY", server.adminKey(), "SIGHTLINE_URL", server.baseUrl()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void uploadWaitListGetStatusDelete_asAUserWould(@TempDir Path dir) {
        Path clip = TestVideos.h264(dir, "cli.mp4", 2);

        Run upload = cli("upload", clip.toString(), "--folder", "cli-test", "--wait");
        assertThat(upload.code()).as(upload.err()).isZero();
        assertThat(upload.err()).contains("100%");
        String id = upload.out().lines().filter(l -> l.contains("vid_")).findFirst().orElseThrow()
                .replaceAll(".*(vid_[a-z0-9]+).*", "$1");

        Run segments = cli("segments", id);
        assertThat(segments.code()).as(segments.err()).isZero();
        assertThat(segments.out()).contains("CAPTION").contains("0:00");
        Run search = cli("search", "raining", "heavily");
        assertThat(search.code()).isZero();
        assertThat(search.out()).contains("Not perceivable");

        Run list = cli("videos", "list");
        assertThat(list.out()).contains(id).contains("cli.mp4").contains("processed");
        assertThat(cli("videos", "get", id).out()).contains("h264");
        Run status = cli("status", id);
        assertThat(status.out()).contains("transcode").contains("completed");

        assertThat(cli("videos", "delete", id).code()).isZero();
        Run gone = cli("videos", "get", id);
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("does not exist").contains("req_");
    }

    @Test
    void upload_whenNotAVideo_printsTheServersReasonAndFails(@TempDir Path dir) {
        Path text = TestVideos.write(dir, "notes.mp4", "hello".getBytes(StandardCharsets.UTF_8));
        Run run = cli("upload", text.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("not a video");
    }
}
