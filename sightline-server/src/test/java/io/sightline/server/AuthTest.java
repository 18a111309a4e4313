package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.api.CreateUserRequest;
import io.sightline.api.Role;
import io.sightline.sdk.AuthenticationException;
import io.sightline.sdk.PermissionDeniedException;
import io.sightline.server.testing.RawHttp;
import io.sightline.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void firstStart_writesAdminKeyReadableOnlyByOwner() throws Exception {
        assertThat(Files.getPosixFilePermissions(server.dataDir().resolve("admin.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(server.sdk().me().role()).isEqualTo(Role.ADMIN);
        assertThat(Files.readString(server.dataDir().resolve("sightline.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("keys are stored hashed").doesNotContain(server.adminKey());
    }

    @Test
    void request_whenKeyMissingOrWrong_answers401() throws Exception {
        assertThat(new RawHttp(server.baseUrl(), null).get("/v1/videos").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> server.client("sl_wrong").me()).isInstanceOf(AuthenticationException.class);
        assertThat(new RawHttp(server.baseUrl(), null).get("/v1/videos?api_key=" + server.adminKey()).statusCode())
                .as("keys in URLs are ignored").isEqualTo(401);
    }

    @Test
    void request_whenBearerToken_isAuthenticated() throws Exception {
        var raw = new RawHttp(server.baseUrl(), null);
        var response = raw.send(raw.request("/v1/me").header("Authorization", "Bearer " + server.adminKey()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"role\":\"admin\"");
    }

    @Test
    void request_always_carriesRequestId() throws Exception {
        var raw = new RawHttp(server.baseUrl(), server.adminKey());
        assertThat(raw.get("/v1/health").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(raw.send(raw.request("/v1/me").header("X-Request-Id", "trace-123")).headers().firstValue("X-Request-Id"))
                .hasValue("trace-123");
    }

    @Test
    void createUser_whenCallerIsMember_answers403() {
        var member = server.newMember("carol");
        assertThatThrownBy(() -> member.users().create(new CreateUserRequest("mallory", null, Role.ADMIN)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void restart_keepsTheSameAdminKey() {
        String before = server.adminKey();
        server.restart();
        assertThat(server.adminKey()).isEqualTo(before);
        assertThat(server.sdk().me().name()).isEqualTo("admin");
    }
}
