package io.sightline.sdk;

import io.sightline.api.SearchResults;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;

/** {@code /v1/search}: hybrid search over the perceived segments of the videos you can see. */
public final class SearchService {

    private final ApiClient api;

    SearchService(ApiClient api) {
        this.api = api;
    }

    /** Segments matching {@code query} in any video you can see, best first (20 at most). */
    public SearchResults segments(String query) {
        return segments(SearchParams.builder(query).build());
    }

    public SearchResults segments(SearchParams params) {
        return api.execute(ApiRequest.get("/v1/search")
                .query("q", params.query())
                .query("folderId", params.folderId().orElse(null))
                .query("videoId", params.videoId().orElse(null))
                .query("limit", params.limit().orElse(null)), SearchResults.class);
    }
}
