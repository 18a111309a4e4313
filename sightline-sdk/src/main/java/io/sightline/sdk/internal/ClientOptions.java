package io.sightline.sdk.internal;

import io.sightline.sdk.Sleeper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a client was built with.
 *
 * @param apiKey  null only for the open endpoints (health)
 * @param timeout for an ordinary request, from sending to the end of the response; uploads get
 *                more, see {@link ApiClient#uploadTimeout}
 */
public record ClientOptions(URI baseUrl, String apiKey, Duration timeout, int maxRetries, String userAgent,
                            Sleeper sleeper, Clock clock) {}
