package io.sightline.sdk.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.sightline.sdk.SightlineException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Turns an {@link ApiRequest} into an HTTP exchange through the retrying transport, and decodes the JSON answer. */
public final class ApiClient {
    /** The slowest upload speed the upload timeout allows for: 1 Mbit/s. */
    private static final long MIN_UPLOAD_BYTES_PER_SECOND = 128 * 1024;

    private final ClientOptions options;
    private final Transport transport;

    public ApiClient(ClientOptions options, Transport transport) {
        this.options = options;
        this.transport = transport;
    }

    public ClientOptions options() {
        return options;
    }

    public <T> T execute(ApiRequest request, Class<T> type) {
        return decode(request, send(request), Json.MAPPER.constructType(type));
    }

    public <T> T execute(ApiRequest request, TypeReference<T> type) {
        return decode(request, send(request), Json.MAPPER.constructType(type));
    }

    /** For calls that answer 204 or whose body is not needed. */
    public void execute(ApiRequest request) {
        send(request);
    }

    /**
     * The JDK's request timeout runs until the response headers arrive, so it includes sending the
     * body: an upload of {@code bytes} gets the ordinary timeout plus time for a slow 1 Mbit/s link.
     */
    public Duration uploadTimeout(long bytes) {
        return options.timeout().plusSeconds(bytes / MIN_UPLOAD_BYTES_PER_SECOND);
    }

    /** A server-relative URL ({@code /v1/media/...}) made absolute against the base URL; absolute ones stay. */
    public String absolute(String url) {
        return url == null ? null : options.baseUrl().resolve(url).toString();
    }

    private RawResponse send(ApiRequest request) {
        return transport.send(toHttpRequest(request), request.isIdempotent());
    }

    HttpRequest toHttpRequest(ApiRequest request) {
        String base = options.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .method(request.method(), request.body())
                .timeout(request.timeoutOrNull() != null ? request.timeoutOrNull() : options.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", options.userAgent());
        // The key goes in a header only: URLs end up in logs and proxies.
        if (options.apiKey() != null) builder.header("X-API-Key", options.apiKey());
        if (request.contentType() != null) builder.header("Content-Type", request.contentType());
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static <T> T decode(ApiRequest request, RawResponse response, JavaType type) {
        try {
            return Json.MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new SightlineException("unexpected response to " + request.method() + " " + request.path()
                    + " (status " + response.status() + ", request id " + response.requestId() + "): "
                    + e.getMessage(), e);
        }
    }
}
