package io.sightline.sdk.internal;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One call to the API, before the client adds its base URL, key and timeouts. */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private BodyPublisher body = BodyPublishers.noBody();
    private String contentType;
    private boolean idempotent;
    private Duration timeout;

    private ApiRequest(String method, String template, String... ids) {
        this.method = method;
        this.path = expand(template, ids);
        this.idempotent = !method.equals("POST");
    }

    /** {@code template} holds one {@code {}} per id; each id is percent-encoded as one path segment. */
    public static ApiRequest get(String template, String... ids) {
        return new ApiRequest("GET", template, ids);
    }

    public static ApiRequest post(String template, String... ids) {
        return new ApiRequest("POST", template, ids);
    }

    public static ApiRequest put(String template, String... ids) {
        return new ApiRequest("PUT", template, ids);
    }

    public static ApiRequest patch(String template, String... ids) {
        return new ApiRequest("PATCH", template, ids);
    }

    public static ApiRequest delete(String template, String... ids) {
        return new ApiRequest("DELETE", template, ids);
    }

    /** Adds a query parameter; a null value is left out. */
    public ApiRequest query(String name, Object value) {
        if (value != null) query.put(name, value.toString());
        return this;
    }

    public ApiRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiRequest json(Object value) {
        try {
            this.body = BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
        this.contentType = "application/json";
        return this;
    }

    public ApiRequest body(BodyPublisher body, String contentType) {
        this.body = body;
        this.contentType = contentType;
        return this;
    }

    /** Marks a POST that the API defines as create-or-get, so that it may be retried like a GET. */
    public ApiRequest idempotent() {
        this.idempotent = true;
        return this;
    }

    public ApiRequest timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public BodyPublisher body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    /** Null means the client's default. */
    public Duration timeoutOrNull() {
        return timeout;
    }

    public String pathAndQuery() {
        if (query.isEmpty()) return path;
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return path + "?" + String.join("&", pairs);
    }

    private static String expand(String template, String... ids) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (String id : ids) {
            int at = template.indexOf("{}", from);
            if (at < 0) throw new IllegalArgumentException("more ids than placeholders in " + template);
            if (id == null || id.isBlank()) throw new IllegalArgumentException("an id in " + template + " is blank");
            out.append(template, from, at).append(encode(id));
            from = at + 2;
        }
        if (template.indexOf("{}", from) >= 0) throw new IllegalArgumentException("missing id for " + template);
        return out.append(template.substring(from)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
