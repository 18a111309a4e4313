package io.sightline.server.perception;

import static io.sightline.server.auth.AuthRoutes.user;

import io.javalin.Javalin;
import io.sightline.server.http.ApiException;

/** {@code /v1/videos/{id}/segments} and {@code /v1/search}. */
public final class PerceptionRoutes {

    private final SegmentService segments;

    public PerceptionRoutes(SegmentService segments) {
        this.segments = segments;
    }

    public void register(Javalin app) {
        app.get("/v1/videos/{id}/segments", ctx -> ctx.json(segments.segments(user(ctx), ctx.pathParam("id"))));
        app.get("/v1/search", ctx -> {
            int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(20);
            if (limit < 1 || limit > 100) throw ApiException.badRequest("limit must be between 1 and 100");
            ctx.json(segments.search(user(ctx), ctx.queryParam("q"), ctx.queryParam("folderId"), ctx.queryParam("videoId"), limit));
        });
    }
}
