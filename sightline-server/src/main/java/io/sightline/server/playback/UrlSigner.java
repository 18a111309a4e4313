package io.sightline.server.playback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived media URLs: {@code /v1/media/{videoId}/{expires}/{signature}/{file}}. The signature
 * (HMAC-SHA256 of video id and expiry) sits in the path, not the query, so the relative segment
 * URLs inside an HLS playlist inherit it and stay valid for the same time.
 */
public final class UrlSigner {

    private final byte[] secret;
    private final Clock clock;

    public UrlSigner(byte[] secret, Clock clock) {
        if (secret.length < 32) throw new IllegalArgumentException("signing secret must have at least 32 bytes");
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** The path prefix (without trailing slash) under which the video's files are readable until {@code expires}. */
    public String prefix(String videoId, Instant expires) {
        long epoch = expires.getEpochSecond();
        return "/v1/media/" + videoId + "/" + epoch + "/" + sign(videoId, epoch);
    }

    /** Whether the signature is genuine and not expired. */
    public boolean verify(String videoId, String expires, String signature) {
        long epoch;
        try {
            epoch = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.instant().getEpochSecond() > epoch) return false;
        return MessageDigest.isEqual(sign(videoId, epoch).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String videoId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((videoId + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
