package io.sightline.sdk;

import io.sightline.api.CreateUserRequest;
import io.sightline.api.CreatedUser;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;

/** {@code /v1/users}, for administrators. */
public final class UserService {
    private final ApiClient api;

    UserService(ApiClient api) {
        this.api = api;
    }

    /** Creates a user and returns their API key, which the server shows only this once. */
    public CreatedUser create(CreateUserRequest request) {
        return api.execute(ApiRequest.post("/v1/users").json(request), CreatedUser.class);
    }
}
