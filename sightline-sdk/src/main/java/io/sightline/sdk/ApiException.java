package io.sightline.sdk;

import io.sightline.api.ApiError;

import java.util.Optional;

/**
 * The server answered with an error status. Subclasses name the common statuses; a status without
 * its own subclass (405, 408 after retries, ...) arrives as this class.
 */
public class ApiException extends SightlineException {
    private final int status;
    private final String requestId;
    private final String body;
    private final ApiError error;

    /**
     * @param requestId the {@code X-Request-Id} of the response, or null when it had none
     * @param body      the raw response body, possibly empty
     * @param error     the parsed error body; when the body was not an {@link ApiError} (a proxy's
     *                  HTML page, say) one is made from the status so {@link #error()} is never null
     */
    public ApiException(int status, String requestId, String body, ApiError error) {
        super(describe(status, requestId, error));
        this.status = status;
        this.requestId = requestId;
        this.body = body;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The id to quote when reporting a problem; the server logs it with the request. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public String body() {
        return body;
    }

    public ApiError error() {
        return error;
    }

    /** The stable machine-readable code, such as {@code not_found} or {@code sidecar_name_mismatch}. */
    public String code() {
        return error.code();
    }

    private static String describe(int status, String requestId, ApiError error) {
        String text = status + " " + error.code() + ": " + error.message();
        return requestId == null ? text : text + " (request id " + requestId + ")";
    }
}
