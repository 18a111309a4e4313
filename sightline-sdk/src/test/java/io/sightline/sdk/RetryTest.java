package io.sightline.sdk;

import io.sightline.api.CollectionRequest;
import io.sightline.api.FolderRequest;
import io.sightline.api.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static io.sightline.sdk.TestServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The retry policy of {@code RetryingTransport}, seen from the wire. */
class RetryTest {
    private TestServer server;
    private FakeTime time;
    private Sightline client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        time = new FakeTime();
        client = Fixtures.client(server, time);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void get_whenServerFailsTwiceThenAnswers_retriesWithGrowingJitteredBackoff() {
        server.enqueue(Reply.error(503, "internal", "busy"), Reply.error(500, "internal", "oops"),
                Fixtures.ok(Fixtures.video("vid_1")));

        assertThat(client.videos().get("vid_1").id()).isEqualTo("vid_1");

        assertThat(server.requests()).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }

    @Test
    void get_whenRetriesRunOut_throwsLastErrorAfterMaxRetriesPlusOneAttempts() {
        server.handle(request -> Reply.error(502, "internal", "still down"));

        assertThatThrownBy(() -> client.videos().get("vid_1")).isInstanceOf(InternalServerException.class);

        assertThat(server.requests()).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void get_whenRetryAfterSeconds_waitsExactlyThat() {
        server.enqueue(Reply.error(429, "rate_limited", "slow down").withHeader("Retry-After", "3"),
                Fixtures.ok(Fixtures.video("vid_1")));

        client.videos().get("vid_1");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void get_whenRetryAfterIsHttpDate_waitsUntilThatDate() {
        String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(12).atZone(ZoneOffset.UTC));
        server.enqueue(Reply.error(503, "internal", "maintenance").withHeader("Retry-After", inTwelveSeconds),
                Fixtures.ok(Fixtures.video("vid_1")));

        client.videos().get("vid_1");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void get_whenRetryAfterIsOverAMinute_usesOwnBackoffInstead() {
        server.enqueue(Reply.error(429, "rate_limited", "come back tomorrow").withHeader("Retry-After", "86400"),
                Fixtures.ok(Fixtures.video("vid_1")));

        client.videos().get("vid_1");

        assertThat(time.sleeps().getFirst()).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void post_whenRateLimited_retriesEvenNonIdempotentRequest() {
        server.enqueue(Reply.error(429, "rate_limited", "slow down"),
                Reply.json(201, "{\"id\":\"col_1\",\"name\":\"a\",\"videoCount\":0}"));

        assertThat(client.collections().create(new CollectionRequest("a", null)).id()).isEqualTo("col_1");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void post_whenServerErrorOnNonIdempotentCreate_doesNotSendAgain() {
        server.handle(request -> Reply.error(500, "internal", "boom"));

        assertThatThrownBy(() -> client.collections().create(new CollectionRequest("a", null)))
                .isInstanceOf(InternalServerException.class);

        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void post_whenServerErrorOnCreateOrGetFolder_retries() {
        server.enqueue(Reply.error(503, "internal", "busy"),
                Reply.json(201, "{\"id\":\"fld_1\",\"name\":\"cams\",\"scope\":\"org\",\"ownerId\":\"org_1\",\"videoCount\":0}"));

        assertThat(client.folders().create(new FolderRequest("cams", Scope.ORG)).scope()).isEqualTo(Scope.ORG);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void get_whenConflictOrBadRequest_neverRetries() {
        server.enqueue(Reply.error(409, "conflict", "hls not ready"));
        assertThatThrownBy(() -> client.videos().playback("vid_1")).isInstanceOf(ConflictException.class);
        server.enqueue(Reply.error(400, "bad_request", "ttlSeconds too large"));
        assertThatThrownBy(() -> client.videos().playback("vid_1", Duration.ofDays(30))).isInstanceOf(BadRequestException.class);

        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void get_whenConnectionDroppedWithoutResponse_retriesIdempotentRequest() {
        server.enqueue(Reply.drop(), Fixtures.ok(Fixtures.video("vid_1")));

        assertThat(client.videos().get("vid_1").id()).isEqualTo("vid_1");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void post_whenConnectionDroppedAfterSending_doesNotSendAgain() {
        server.handle(request -> Reply.drop());

        ConnectionException e = catchThrowableOfType(ConnectionException.class,
                () -> client.collections().create(new CollectionRequest("a", null)));

        assertThat(e.requestSent()).isTrue();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void post_whenConnectionRefused_retriesBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (Sightline refused = client.withOptions(options -> options.baseUrl("http://127.0.0.1:" + closedPort))) {
            ConnectionException e = catchThrowableOfType(ConnectionException.class,
                    () -> refused.collections().create(new CollectionRequest("a", null)));

            assertThat(e.requestSent()).isFalse();
            assertThat(e.getMessage()).contains("POST /v1/collections");
        }
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void withOptions_whenRetriesTurnedOff_copyFailsFastAndOriginalStillRetries() {
        server.enqueue(Reply.error(503, "internal", "busy"));
        try (Sightline noRetries = client.withOptions(options -> options.maxRetries(0))) {
            assertThatThrownBy(() -> noRetries.videos().get("vid_1")).isInstanceOf(InternalServerException.class);
        }
        assertThat(server.requests()).hasSize(1);

        server.enqueue(Reply.error(503, "internal", "busy"), Fixtures.ok(Fixtures.video("vid_1")));
        assertThat(client.videos().get("vid_1").id()).as("closing the copy left the shared pool open").isEqualTo("vid_1");
        assertThat(server.requests()).hasSize(3);
    }
}
