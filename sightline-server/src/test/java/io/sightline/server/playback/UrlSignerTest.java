package io.sightline.server.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UrlSignerTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final UrlSigner signer = new UrlSigner(SECRET, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void verify_whenGenuineAndFresh_passes() {
        String[] parts = signer.prefix("vid_1", now.plus(Duration.ofMinutes(5))).split("/");
        assertThat(signer.verify("vid_1", parts[4], parts[5])).isTrue();
    }

    @Test
    void verify_whenExpiredForgedOrForAnotherVideo_fails() {
        String[] fresh = signer.prefix("vid_1", now.plusSeconds(60)).split("/");
        String[] old = signer.prefix("vid_1", now.minusSeconds(1)).split("/");
        assertThat(signer.verify("vid_1", old[4], old[5])).as("expired").isFalse();
        assertThat(signer.verify("vid_2", fresh[4], fresh[5])).as("other video").isFalse();
        assertThat(signer.verify("vid_1", Long.toString(Long.parseLong(fresh[4]) + 3600), fresh[5])).as("extended expiry").isFalse();
        assertThat(signer.verify("vid_1", "soon", fresh[5])).isFalse();
        UrlSigner otherKey = new UrlSigner("fedcba9876543210fedcba9876543210".getBytes(), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(otherKey.verify("vid_1", fresh[4], fresh[5])).as("other secret").isFalse();
    }
}
