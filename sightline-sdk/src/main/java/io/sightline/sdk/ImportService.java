package io.sightline.sdk;

import io.sightline.api.ImportRequest;
import io.sightline.api.Video;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;

/** {@code /v1/imports}: videos the server downloads itself from an HTTP(S) URL. */
public final class ImportService {
    private final ApiClient api;

    ImportService(ApiClient api) {
        this.api = api;
    }

    /** Returns the new video at once; the download runs as its first processing step, {@code import}. */
    public Video create(ImportRequest request) {
        return api.execute(ApiRequest.post("/v1/imports").json(request), Video.class);
    }
}
