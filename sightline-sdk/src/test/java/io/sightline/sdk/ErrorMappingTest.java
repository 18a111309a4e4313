package io.sightline.sdk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ErrorMappingTest {
    private TestServer server;
    private Sightline client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        client = Fixtures.client(server, new FakeTime()).withOptions(options -> options.maxRetries(0));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "400, bad_request, io.sightline.sdk.BadRequestException",
            "401, unauthorized, io.sightline.sdk.AuthenticationException",
            "403, forbidden, io.sightline.sdk.PermissionDeniedException",
            "404, not_found, io.sightline.sdk.NotFoundException",
            "409, conflict, io.sightline.sdk.ConflictException",
            "413, payload_too_large, io.sightline.sdk.PayloadTooLargeException",
            "422, not_a_video, io.sightline.sdk.UnprocessableEntityException",
            "429, rate_limited, io.sightline.sdk.RateLimitException",
            "500, internal, io.sightline.sdk.InternalServerException",
            "502, internal, io.sightline.sdk.InternalServerException",
            "503, internal, io.sightline.sdk.InternalServerException",
            "405, method_not_allowed, io.sightline.sdk.ApiException"})
    void get_whenServerAnswersStatus_throwsMappedTypeWithApiError(int status, String code, String type) {
        server.enqueue(TestServer.Reply.error(status, code, "it went wrong").withHeader("X-Request-Id", "req-42"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.videos().get("vid_1"));

        assertThat(e.getClass().getName()).isEqualTo(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.requestId()).contains("req-42");
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.error().message()).isEqualTo("it went wrong");
        assertThat(e.body()).contains("\"code\":\"" + code + "\"");
        assertThat(e.getMessage()).isEqualTo(status + " " + code + ": it went wrong (request id req-42)");
    }

    @Test
    void get_whenNoRequestIdHeader_takesRequestIdFromBody() {
        server.enqueue(TestServer.Reply.error(404, "not_found", "video vid_1"));

        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.videos().get("vid_1"));

        assertThat(e.requestId()).contains("req-body");
    }

    @Test
    void get_whenErrorBodyIsNotJson_makesApiErrorFromStatus() {
        server.enqueue(new TestServer.Reply(502, java.util.Map.of("Content-Type", "text/html"),
                "<html><body>Bad Gateway</body></html>".getBytes(), false));

        InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> client.videos().get("vid_1"));

        assertThat(e.code()).isEqualTo("internal");
        assertThat(e.error().status()).isEqualTo(502);
        assertThat(e.body()).contains("Bad Gateway");
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void get_whenEmptyErrorBody_saysHttpStatus() {
        server.enqueue(TestServer.Reply.empty(401));

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client.me());

        assertThat(e.error().message()).isEqualTo("HTTP 401");
        assertThat(e.code()).isEqualTo("unauthorized");
    }

    @Test
    void get_whenErrorBodyHasCodeButNoMessage_keepsTheCode() {
        server.enqueue(TestServer.Reply.json(400, "{\"status\":400,\"code\":\"sidecar_name_mismatch\"}"));

        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client.videos().get("vid_1"));

        assertThat(e.code()).isEqualTo("sidecar_name_mismatch");
        assertThat(e.error().message()).isEqualTo("HTTP 400");
    }

    @Test
    void get_whenRateLimitedWithRetryAfter_exceptionCarriesDelay() {
        server.enqueue(TestServer.Reply.error(429, "rate_limited", "slow down").withHeader("Retry-After", "7"));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.videos().get("vid_1"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void get_whenSuccessBodyIsNotTheRecord_throwsSightlineExceptionNamingTheCall() {
        server.enqueue(TestServer.Reply.json(200, "[1,2,3]").withHeader("X-Request-Id", "req-7"));

        assertThatThrownBy(() -> client.videos().get("vid_1"))
                .isExactlyInstanceOf(SightlineException.class)
                .hasMessageContaining("GET /v1/videos/vid_1").hasMessageContaining("req-7");
    }

    @Test
    void request_always_sendsKeyInHeaderAndNeverInUrl() {
        server.enqueue(Fixtures.ok(Fixtures.video("vid_1")));

        client.videos().get("vid_1");

        TestServer.Recorded request = server.requests().getFirst();
        assertThat(request.header("X-API-Key")).isEqualTo("sk-test");
        assertThat(request.query()).isEmpty();
        assertThat(request.path()).doesNotContain("sk-test");
        assertThat(request.header("User-Agent")).startsWith("sightline-java/");
    }

    @Test
    void get_whenIdHasReservedCharacters_encodesItAsOnePathSegment() {
        server.enqueue(Fixtures.ok(Fixtures.video("a/b c")));

        client.videos().get("a/b c");

        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/videos/a%2Fb%20c");
    }

    @Test
    void get_whenIdBlank_refusesBeforeSending() {
        assertThatThrownBy(() -> client.videos().get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }
}
