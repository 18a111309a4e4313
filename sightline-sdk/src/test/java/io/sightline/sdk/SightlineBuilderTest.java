package io.sightline.sdk;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SightlineBuilderTest {
    @Test
    void build_whenBaseUrlIsNotHttp_refusesWithExample() {
        assertThatThrownBy(() -> Sightline.builder().baseUrl("localhost:8080").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://localhost:8080");
        assertThatThrownBy(() -> Sightline.builder().baseUrl("http://h/?key=secret").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sightline.builder().maxRetries(-1).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void health_withoutKeyAndWithPathPrefix_sendsNoKeyHeaderAndKeepsPrefix() throws IOException {
        try (TestServer server = TestServer.start();
             Sightline client = Sightline.builder().apiKey(null).baseUrl(server.url() + "/sightline/").build()) {
            server.enqueue(TestServer.Reply.json(200, "{\"status\":\"ok\",\"version\":\"0.1.0\"}"));

            assertThat(client.health().status()).isEqualTo("ok");

            TestServer.Recorded request = server.requests().getFirst();
            assertThat(request.path()).isEqualTo("/sightline/v1/health");
            assertThat(request.header("X-API-Key")).isNull();
        }
    }

    @Test
    void me_withKey_readsUser() throws IOException {
        try (TestServer server = TestServer.start();
             Sightline client = Sightline.builder().apiKey("sk-1").baseUrl(server.url()).build()) {
            server.enqueue(TestServer.Reply.json(200,
                    "{\"id\":\"usr_1\",\"name\":\"admin\",\"orgId\":\"org_1\",\"role\":\"admin\",\"createdAt\":\"2025-03-01T10:00:00Z\"}"));

            assertThat(client.me().role()).isEqualTo(io.sightline.api.Role.ADMIN);
        }
    }
}
