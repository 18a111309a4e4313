package io.sightline.server.collections;

import static io.sightline.server.auth.AuthRoutes.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.sightline.api.AddVideoRequest;
import io.sightline.api.CollectionRequest;
import io.sightline.server.http.Json;
import io.sightline.server.http.Paging;
import io.sightline.server.videos.VideoRoutes;

public final class CollectionRoutes {

    private static final long MAX_BODY = 64 * 1024;

    private final CollectionService collections;
    private final ObjectMapper json;

    public CollectionRoutes(CollectionService collections, ObjectMapper json) {
        this.collections = collections;
        this.json = json;
    }

    public void register(Javalin app) {
        app.get("/v1/collections", ctx -> {
            Paging paging = Paging.of(ctx);
            ctx.json(collections.list(user(ctx), paging.offset(), paging.limit()));
        });
        app.post("/v1/collections", ctx -> {
            CollectionRequest request = Json.read(ctx, json, CollectionRequest.class, MAX_BODY);
            ctx.status(201).json(collections.create(user(ctx), request.name(), request.description()));
        });
        app.get("/v1/collections/{id}", ctx -> ctx.json(collections.get(user(ctx), ctx.pathParam("id"))));
        app.patch("/v1/collections/{id}", ctx -> {
            CollectionRequest request = Json.read(ctx, json, CollectionRequest.class, MAX_BODY);
            ctx.json(collections.update(user(ctx), ctx.pathParam("id"), request.name(), request.description()));
        });
        app.delete("/v1/collections/{id}", ctx -> {
            collections.delete(user(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
        app.get("/v1/collections/{id}/videos", ctx -> {
            String id = ctx.pathParam("id");
            ctx.json(collections.videos(user(ctx), id, VideoRoutes.query(ctx, user(ctx), id)));
        });
        app.post("/v1/collections/{id}/videos", ctx -> {
            AddVideoRequest request = Json.read(ctx, json, AddVideoRequest.class, MAX_BODY);
            collections.addVideo(user(ctx), ctx.pathParam("id"), request.videoId());
            ctx.status(204);
        });
        app.delete("/v1/collections/{id}/videos/{videoId}", ctx -> {
            collections.removeVideo(user(ctx), ctx.pathParam("id"), ctx.pathParam("videoId"));
            ctx.status(204);
        });
    }
}
