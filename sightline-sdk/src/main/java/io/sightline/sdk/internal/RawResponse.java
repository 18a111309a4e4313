package io.sightline.sdk.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A response as it came off the wire, before any status handling. */
public record RawResponse(int status, HttpHeaders headers, byte[] body) {
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String requestId() {
        return header("X-Request-Id");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
