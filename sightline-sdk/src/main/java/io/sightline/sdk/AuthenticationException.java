package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 401 Unauthorized: the API key is missing or not valid. */
public class AuthenticationException extends ApiException {
    public AuthenticationException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
