package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sightline.api.ImportRequest;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.api.Video;
import io.sightline.sdk.BadRequestException;
import io.sightline.sdk.ProcessingFailedException;
import io.sightline.server.testing.TestServer;
import io.sightline.server.testing.TestVideos;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports from a real HTTP server on loopback serving a generated clip. */
class ImportTest {

    private static TestServer server;
    private static HttpServer origin;
    private static byte[] clip;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        clip = Files.readAllBytes(TestVideos.h264(dir, "remote.mp4", 2));
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/videos/remote.mp4", exchange -> {
            exchange.sendResponseHeaders(200, clip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(clip);
            }
        });
        origin.createContext("/videos/notes.mp4", exchange -> {
            byte[] text = "not a video".getBytes();
            exchange.sendResponseHeaders(200, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        });
        origin.start();
    }

    @AfterAll
    static void stop() {
        origin.stop(0);
        server.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    @Test
    void importUrl_whenItServesAVideo_downloadsAndProcessesIt() {
        Video accepted = server.sdk().imports().create(new ImportRequest(url("/videos/remote.mp4"), null, "imports", null, null));
        assertThat(accepted.name()).isEqualTo("remote.mp4");

        Video processed = server.sdk().videos().waitUntilProcessed(accepted.id(), Duration.ofMinutes(2));
        assertThat(processed.sizeBytes()).isEqualTo(clip.length);
        assertThat(processed.media().videoCodec()).isEqualTo("h264");
        assertThat(server.sdk().videos().status(accepted.id()).steps()).first()
                .satisfies(step -> {
                    assertThat(step.name()).isEqualTo("import");
                    assertThat(step.state()).isEqualTo(StepState.COMPLETED);
                });
    }

    @Test
    void importUrl_whenMissingOrNotAVideo_failsWithTheReason() {
        Video missing = server.sdk().imports().create(new ImportRequest(url("/videos/nothing.mp4"), null, null, null, null));
        assertThatThrownBy(() -> server.sdk().videos().waitUntilProcessed(missing.id(), Duration.ofMinutes(1)))
                .isInstanceOf(ProcessingFailedException.class).hasMessageContaining("404");

        Video text = server.sdk().imports().create(new ImportRequest(url("/videos/notes.mp4"), null, null, null, null));
        assertThatThrownBy(() -> server.sdk().videos().waitUntilProcessed(text.id(), Duration.ofMinutes(1)))
                .isInstanceOf(ProcessingFailedException.class).hasMessageContaining("not a video")
                .hasMessageNotContaining(server.dataDir().toString());
        assertThat(server.sdk().videos().status(text.id()).steps()).filteredOn(s -> s.name().equals("probe"))
                .extracting(ProcessingStep::attempts).as("a corrupt source is not retried").containsExactly(1);
    }

    @Test
    void importUrl_whenNotHttp_isRejectedAtOnce() {
        for (String bad : new String[] {"file:///etc/passwd", "ftp://example.org/x.mp4", "not a url", ""}) {
            assertThatThrownBy(() -> server.sdk().imports().create(new ImportRequest(bad, null, null, null, null)))
                    .as(bad).isInstanceOf(BadRequestException.class);
        }
    }
}
