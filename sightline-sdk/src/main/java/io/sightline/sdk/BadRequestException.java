package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 400 Bad Request: the request was malformed or a parameter was invalid. */
public class BadRequestException extends ApiException {
    public BadRequestException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
