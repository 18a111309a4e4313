package io.sightline.api;

/**
 * The one error body every failed request returns.
 *
 * @param status    the HTTP status, repeated for clients that only see the body
 * @param code      a stable machine-readable code such as {@code not_found} or {@code sidecar_name_mismatch}
 * @param message   a sentence for people
 * @param requestId the id also sent in the {@code X-Request-Id} header; quote it when reporting a problem
 */
public record ApiError(int status, String code, String message, String requestId) {}
