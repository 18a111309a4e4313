package io.sightline.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.sightline.api.CreateOrgRequest;
import io.sightline.api.CreateUserRequest;
import io.sightline.api.User;
import io.sightline.server.http.Json;

/** {@code /v1/me}, {@code /v1/orgs}, {@code /v1/users}; plus the before-handler that authenticates every API call. */
public final class AuthRoutes {

    private static final String USER = "sightline.user";

    private final AuthService auth;
    private final ObjectMapper json;

    public AuthRoutes(AuthService auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    public void register(Javalin app) {
        app.get("/v1/me", ctx -> ctx.json(user(ctx)));
        app.post("/v1/orgs", ctx -> {
            CreateOrgRequest request = Json.read(ctx, json, CreateOrgRequest.class, 64 * 1024);
            ctx.status(201).json(auth.createOrg(user(ctx), request.name()));
        });
        app.post("/v1/users", ctx -> {
            CreateUserRequest request = Json.read(ctx, json, CreateUserRequest.class, 64 * 1024);
            ctx.status(201).json(auth.createUser(user(ctx), request.name(), request.orgId(), request.role()));
        });
    }

    /** Authenticates the request and remembers the caller for the handler. */
    public void authenticate(Context ctx) {
        String key = ctx.header("X-API-Key");
        String authorization = ctx.header("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        ctx.attribute(USER, auth.authenticate(key));
    }

    public static User user(Context ctx) {
        User user = ctx.attribute(USER);
        if (user == null) throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        return user;
    }
}
