package io.sightline.sdk.internal;

import io.sightline.sdk.ConnectionException;
import io.sightline.sdk.SightlineException;
import io.sightline.sdk.Sleeper;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Every retry of the SDK happens here, and every error status becomes an exception here.
 *
 * <p>What is sent again, up to {@code maxRetries} times:
 * <ul>
 *   <li>408 and 429, for any request: the server turned it away without acting on it;</li>
 *   <li>a refused connection or a connect timeout, for any request: no byte reached the server;</li>
 *   <li>5xx and I/O failures after the request went out, only for idempotent requests — GET, PUT
 *       (a part overwrites itself), DELETE, PATCH (sets fields) and the POSTs the API defines as
 *       create-or-get ({@code POST /v1/folders}). A non-idempotent POST (direct upload, initiate,
 *       complete, import, create collection or user) is not sent again once the server may have
 *       acted on it: that could create a second video. The caller sees the failure instead.</li>
 * </ul>
 * 409 is never retried: in this API it is a real conflict (a duplicate name, a folder that still
 * holds videos, playback before HLS is ready) that sending again does not change.
 * A DELETE retried after a lost response may answer 404, since the first attempt did delete.
 *
 * <p>Delay: the server's {@code Retry-After} when it gives one of at most a minute; otherwise
 * 0.5 s doubled per attempt up to 8 s, minus up to 25 % random jitter so that clients which failed
 * together do not come back together.
 */
public final class RetryingTransport implements Transport {
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private final Transport delegate;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final ErrorMapper errors;

    public RetryingTransport(Transport delegate, int maxRetries, Sleeper sleeper, Clock clock) {
        this(delegate, maxRetries, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryingTransport(Transport delegate, int maxRetries, Sleeper sleeper, Clock clock, DoubleSupplier random) {
        this.delegate = delegate;
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
        this.errors = new ErrorMapper(clock);
    }

    /** @return a 2xx or 3xx response; anything else is thrown as an {@link io.sightline.sdk.ApiException} */
    @Override
    public RawResponse send(HttpRequest request, boolean idempotent) {
        for (int attempt = 0; ; attempt++) {
            boolean mayRetry = attempt < maxRetries;
            RawResponse response;
            try {
                response = delegate.send(request, idempotent);
            } catch (ConnectionException e) {
                if (mayRetry && (idempotent || !e.requestSent())) {
                    pause(backoff(attempt));
                    continue;
                }
                throw e;
            }
            if (response.status() < 400) return response;
            if (mayRetry && shouldRetry(response.status(), idempotent)) {
                Duration serverAsked = RetryAfter.parse(response.header("Retry-After"), clock);
                boolean honour = serverAsked != null && serverAsked.compareTo(MAX_RETRY_AFTER) <= 0;
                pause(honour ? serverAsked : backoff(attempt));
                continue;
            }
            throw errors.toException(response);
        }
    }

    static boolean shouldRetry(int status, boolean idempotent) {
        if (status == 408 || status == 429) return true;
        return status >= 500 && idempotent;
    }

    Duration backoff(int attempt) {
        double seconds = Math.min(INITIAL_BACKOFF.toMillis() * Math.pow(2, attempt), MAX_BACKOFF.toMillis()) / 1000.0;
        double jittered = seconds * (1 - 0.25 * random.getAsDouble());
        return Duration.ofMillis((long) (jittered * 1000));
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SightlineException("interrupted while waiting to retry", e);
        }
    }
}
