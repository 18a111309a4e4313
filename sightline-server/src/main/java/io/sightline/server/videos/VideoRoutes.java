package io.sightline.server.videos;

import static io.sightline.server.auth.AuthRoutes.user;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.sightline.api.User;
import io.sightline.api.VideoStatus;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Paging;
import io.sightline.store.repo.VideoQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

public final class VideoRoutes {

    private final VideoService videos;

    public VideoRoutes(VideoService videos) {
        this.videos = videos;
    }

    public void register(Javalin app) {
        app.get("/v1/videos", ctx -> ctx.json(videos.list(query(ctx, user(ctx), null))));
        app.get("/v1/videos/{id}", ctx -> ctx.json(videos.get(user(ctx), ctx.pathParam("id"))));
        app.delete("/v1/videos/{id}", ctx -> {
            videos.delete(user(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
        app.get("/v1/videos/{id}/status", ctx -> ctx.json(videos.status(user(ctx), ctx.pathParam("id"))));
        app.get("/v1/videos/{id}/playback", ctx -> {
            long ttl = longParam(ctx, "ttlSeconds", VideoService.DEFAULT_PLAYBACK_TTL.toSeconds());
            ctx.json(videos.playback(user(ctx), ctx.pathParam("id"), Duration.ofSeconds(ttl)));
        });
    }

    /** The list filters shared by {@code /v1/videos} and a collection's video list. */
    public static VideoQuery query(Context ctx, User user, String collectionId) {
        Paging paging = Paging.of(ctx);
        String status = ctx.queryParam("status");
        String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("created_at");
        if (!VideoQuery.SORT_COLUMNS.containsKey(sort)) {
            throw ApiException.badRequest("sort must be one of " + String.join(", ", VideoQuery.SORT_COLUMNS.keySet()));
        }
        String order = ctx.queryParamAsClass("order", String.class).getOrDefault("desc");
        if (!order.equals("asc") && !order.equals("desc")) throw ApiException.badRequest("order must be asc or desc");
        VideoStatus parsedStatus;
        try {
            parsedStatus = status == null || status.isBlank() ? null : VideoStatus.parse(status.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return new VideoQuery(user.id(), user.orgId(), parsedStatus, ctx.queryParam("folderId"), collectionId,
                instantParam(ctx, "createdAfter"), instantParam(ctx, "createdBefore"), sort, order.equals("asc"),
                paging.offset(), paging.limit());
    }

    private static Instant instantParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '" + value + "'");
        }
    }

    private static long longParam(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }
}
