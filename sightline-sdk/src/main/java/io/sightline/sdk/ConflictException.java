package io.sightline.sdk;

import io.sightline.api.ApiError;

/** 409 Conflict: a duplicate name, a non-empty folder, or a resource not ready yet (playback before HLS). */
public class ConflictException extends ApiException {
    public ConflictException(int status, String requestId, String body, ApiError error) {
        super(status, requestId, body, error);
    }
}
