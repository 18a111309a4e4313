package io.sightline.sdk;

import io.sightline.api.ApiError;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests, after the retries the client was allowed were used up. */
public class RateLimitException extends ApiException {
    private final Duration retryAfter;

    /** @param retryAfter how long the server asked to wait, or null when it did not say */
    public RateLimitException(int status, String requestId, String body, ApiError error, Duration retryAfter) {
        super(status, requestId, body, error);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
