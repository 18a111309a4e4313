package io.sightline.sdk;

import io.sightline.api.ApiError;

/** Any 5xx: the server failed; retried for idempotent requests before it is thrown. */
public class InternalServerException extends ApiException {
    public InternalServerException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
