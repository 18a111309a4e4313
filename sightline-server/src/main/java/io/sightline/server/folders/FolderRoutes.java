package io.sightline.server.folders;

import static io.sightline.server.auth.AuthRoutes.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.sightline.api.FolderRequest;
import io.sightline.api.Scope;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Json;
import io.sightline.server.http.Paging;

public final class FolderRoutes {

    private final FolderService folders;
    private final ObjectMapper json;

    public FolderRoutes(FolderService folders, ObjectMapper json) {
        this.folders = folders;
        this.json = json;
    }

    public void register(Javalin app) {
        app.get("/v1/folders", ctx -> {
            Paging paging = Paging.of(ctx);
            String scope = ctx.queryParam("scope");
            ctx.json(folders.list(user(ctx), scope == null ? null : parseScope(scope), paging.offset(), paging.limit()));
        });
        app.post("/v1/folders", ctx -> {
            FolderRequest request = Json.read(ctx, json, FolderRequest.class, 64 * 1024);
            FolderService.Resolved resolved = folders.createOrGet(user(ctx), request.name(), request.scope());
            ctx.status(resolved.created() ? 201 : 200).json(resolved.folder());
        });
        app.get("/v1/folders/{id}", ctx -> ctx.json(folders.get(user(ctx), ctx.pathParam("id"))));
        app.delete("/v1/folders/{id}", ctx -> {
            folders.delete(user(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    public static Scope parseScope(String value) {
        try {
            return Scope.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
