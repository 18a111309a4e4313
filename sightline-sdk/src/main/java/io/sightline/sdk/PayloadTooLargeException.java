package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 413 Payload Too Large. */
public class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
