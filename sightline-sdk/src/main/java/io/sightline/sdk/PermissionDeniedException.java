package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 403 Forbidden: the key is valid but may not touch this resource. */
public class PermissionDeniedException extends ApiException {
    public PermissionDeniedException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
