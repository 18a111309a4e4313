package io.sightline.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** The JSON mapper and request-body reading with a size limit. */
public final class Json {

    private Json() {}

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Reads at most {@code maxBytes} of body as {@code type}; an empty, oversize or malformed body is a 4xx. */
    public static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type, long maxBytes) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(maxBytes);
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) maxBytes + 1);
        }
        if (body.length > maxBytes) throw tooLarge(maxBytes);
        if (body.length == 0) throw ApiException.badRequest("invalid_json", "the request needs a JSON body");
        return mapper.readValue(body, type);
    }

    private static ApiException tooLarge(long maxBytes) {
        return ApiException.tooLarge("payload_too_large", "the JSON body is larger than " + maxBytes + " bytes");
    }
}
