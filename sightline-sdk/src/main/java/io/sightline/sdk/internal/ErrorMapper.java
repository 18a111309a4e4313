package io.sightline.sdk.internal;

import io.sightline.api.ApiError;
import io.sightline.sdk.ApiException;
import io.sightline.sdk.AuthenticationException;
import io.sightline.sdk.BadRequestException;
import io.sightline.sdk.ConflictException;
import io.sightline.sdk.InternalServerException;
import io.sightline.sdk.NotFoundException;
import io.sightline.sdk.PayloadTooLargeException;
import io.sightline.sdk.PermissionDeniedException;
import io.sightline.sdk.RateLimitException;
import io.sightline.sdk.UnprocessableEntityException;

import java.io.IOException;
import java.time.Clock;

/** The one place an HTTP error status becomes an exception type. */
public final class ErrorMapper {
    private final Clock clock;

    public ErrorMapper(Clock clock) {
        this.clock = clock;
    }

    public ApiException toException(RawResponse response) {
        int status = response.status();
        String body = response.bodyText();
        ApiError error = parse(response);
        String requestId = response.requestId() != null ? response.requestId() : error.requestId();
        return switch (status) {
            case 400 -> new BadRequestException(status, requestId, body, error);
            case 401 -> new AuthenticationException(status, requestId, body, error);
            case 403 -> new PermissionDeniedException(status, requestId, body, error);
            case 404 -> new NotFoundException(status, requestId, body, error);
            case 409 -> new ConflictException(status, requestId, body, error);
            case 413 -> new PayloadTooLargeException(status, requestId, body, error);
            case 422 -> new UnprocessableEntityException(status, requestId, body, error);
            case 429 -> new RateLimitException(status, requestId, body, error,
                    RetryAfter.parse(response.header("Retry-After"), clock));
            default -> status >= 500
                    ? new InternalServerException(status, requestId, body, error)
                    : new ApiException(status, requestId, body, error);
        };
    }

    /** The body as an {@link ApiError}, or one made from the status when the body is not one. */
    private static ApiError parse(RawResponse response) {
        String code = ApiError.codeFor(response.status());
        String message = null;
        String requestId = response.requestId();
        try {
            ApiError error = Json.MAPPER.readValue(response.body(), ApiError.class);
            if (error != null && error.code() != null && error.message() != null) return error;
            if (error != null) {
                code = error.code() != null ? error.code() : code;
                message = error.message();
                requestId = error.requestId() != null ? error.requestId() : requestId;
            }
        } catch (IOException notAnApiError) {
            // a proxy's HTML page or an empty body: use the text itself when it is short
            String text = response.bodyText().strip();
            if (!text.isEmpty() && text.length() <= 300) message = text;
        }
        return new ApiError(response.status(), code, message != null ? message : "HTTP " + response.status(), requestId);
    }
}
