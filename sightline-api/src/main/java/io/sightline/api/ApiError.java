package io.sightline.api;

/**
 * The one error body every failed request returns.
 *
 * @param status    the HTTP status, repeated for clients that only see the body
 * @param code      a stable machine-readable code such as {@code not_found} or {@code sidecar_name_mismatch}
 * @param message   a sentence for people
 * @param requestId the id also sent in the {@code X-Request-Id} header; quote it when reporting a problem
 */
public record ApiError(int status, String code, String message, String requestId) {

    /** The generic code of an HTTP status, for errors that have no more specific one. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }
}
