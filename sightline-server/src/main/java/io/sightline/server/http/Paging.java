package io.sightline.server.http;

import io.javalin.http.Context;

/** {@code offset} and {@code limit} query parameters, validated. */
public record Paging(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static Paging of(Context ctx) {
        int offset = intParam(ctx, "offset", 0);
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT);
        if (offset < 0) throw ApiException.badRequest("offset must be 0 or more");
        if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        return new Paging(offset, limit);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }
}
