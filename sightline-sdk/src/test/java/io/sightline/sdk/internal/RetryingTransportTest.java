package io.sightline.sdk.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryingTransportTest {
    private static RetryingTransport withRandom(double random) {
        return new RetryingTransport((request, idempotent) -> {
            throw new AssertionError("not sent");
        }, 5, duration -> {}, Clock.systemUTC(), () -> random);
    }

    @Test
    void backoff_whenAttemptsGrow_doublesFromHalfASecondUpToEight() {
        RetryingTransport noJitter = withRandom(0);

        assertThat(noJitter.backoff(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(noJitter.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(noJitter.backoff(10)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void backoff_whenJitterIsLargest_takesAQuarterOff() {
        assertThat(withRandom(1).backoff(2)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldRetry_forEachStatus_followsIdempotency() {
        assertThat(RetryingTransport.shouldRetry(429, false)).isTrue();
        assertThat(RetryingTransport.shouldRetry(408, false)).isTrue();
        assertThat(RetryingTransport.shouldRetry(503, false)).isFalse();
        assertThat(RetryingTransport.shouldRetry(503, true)).isTrue();
        assertThat(RetryingTransport.shouldRetry(409, true)).isFalse();
        assertThat(RetryingTransport.shouldRetry(404, true)).isFalse();
    }

    @Test
    void retryAfter_whenUnreadable_isNull() {
        assertThat(RetryAfter.parse("soon", Clock.systemUTC())).isNull();
        assertThat(RetryAfter.parse("-4", Clock.systemUTC())).isNull();
        assertThat(RetryAfter.parse("1.5", Clock.systemUTC())).isEqualTo(Duration.ofMillis(1500));
    }
}
