package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 422 Unprocessable Entity: well-formed but rejected, such as a file that is not a video. */
public class UnprocessableEntityException extends ApiException {
    public UnprocessableEntityException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
