package io.sightline.sdk;

import io.sightline.api.CreateOrgRequest;
import io.sightline.api.Org;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;

/** {@code /v1/orgs}, for administrators. */
public final class OrgService {
    private final ApiClient api;

    OrgService(ApiClient api) {
        this.api = api;
    }

    public Org create(CreateOrgRequest request) {
        return api.execute(ApiRequest.post("/v1/orgs").json(request), Org.class);
    }
}
