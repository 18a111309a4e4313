package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 404 Not Found. */
public class NotFoundException extends ApiException {
    public NotFoundException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
