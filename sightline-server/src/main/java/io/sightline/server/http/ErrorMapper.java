package io.sightline.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.sightline.api.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP responses, all with the {@link ApiError} body. */
public final class ErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage()));
        app.exception(JsonProcessingException.class, (e, ctx) ->
                respond(ctx, 400, "invalid_json", "the request body is not valid JSON for this endpoint: " + e.getOriginalMessage()));
        app.exception(io.javalin.validation.ValidationException.class, (e, ctx) ->
                respond(ctx, 400, "bad_request", "invalid query or path parameter: " + e.getErrors().keySet()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, e.getStatus(), ApiError.codeFor(e.getStatus()), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed (request id {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            respond(ctx, 500, "internal", "internal error; quote request id " + RequestIds.of(ctx) + " when reporting it");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) respond(ctx, 404, "not_found", "no route for " + ctx.method() + " " + ctx.path());
        });
        app.error(405, ctx -> respond(ctx, 405, ApiError.codeFor(405), ctx.method() + " is not allowed on " + ctx.path()));
    }

    public static void respond(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ApiError(status, code, message, RequestIds.of(ctx)));
    }
}
