package io.sightline.sdk;

import com.sun.net.httpserver.HttpExchange;
import io.sightline.api.Video;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A direct upload of a file larger than the whole heap this test JVM gets (the pom runs the SDK
 * tests with {@code -Xmx128m}): it can only pass if the body is streamed from disk.
 */
class StreamingUploadTest {
    private static final long SIZE = 512L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void upload_whenFileLargerThanHeap_streamsItWithAFixedContentLength() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("the test proves nothing with a heap this big").isLessThan(SIZE);
        Path file = dir.resolve("big.mp4");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
        AtomicLong received = new AtomicLong();
        AtomicReference<String> contentLength = new AtomicReference<>();
        AtomicReference<String> head = new AtomicReference<>();
        AtomicReference<String> tail = new AtomicReference<>();

        try (TestServer server = TestServer.start().raw("/v1/uploads", exchange -> {
            contentLength.set(exchange.getRequestHeaders().getFirst("Content-Length"));
            byte[] last = new byte[0];
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (received.get() == 0) head.set(new String(buffer, 0, Math.min(n, 400), StandardCharsets.ISO_8859_1));
                    received.addAndGet(n);
                    last = Arrays.copyOfRange(buffer, Math.max(0, n - 100), n);
                }
            }
            tail.set(new String(last, StandardCharsets.ISO_8859_1));
            reply(exchange, Fixtures.json(Fixtures.video("vid_big")));
        }); Sightline client = Fixtures.client(server, new FakeTime())) {
            Video video = client.uploads().upload(UploadParams.builder(file).multipartThreshold(Long.MAX_VALUE).build());

            assertThat(video.id()).isEqualTo("vid_big");
        }

        assertThat(Long.parseLong(contentLength.get())).isEqualTo(received.get());
        assertThat(received.get()).isGreaterThan(SIZE).isLessThan(SIZE + 1024);
        assertThat(head.get()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"");
        assertThat(tail.get()).endsWith("--\r\n");
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(202, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
