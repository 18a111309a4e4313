package io.sightline.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every response carries {@code X-Request-Id}: the client's, when it sent a sane one, else a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "sightline.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unknown" : id;
    }
}
