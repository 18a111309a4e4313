package io.sightline.server.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.Javalin;
import io.sightline.api.AddVideoRequest;
import io.sightline.api.ApiError;
import io.sightline.api.Collection;
import io.sightline.api.CollectionRequest;
import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.CreateOrgRequest;
import io.sightline.api.CreateUserRequest;
import io.sightline.api.CreatedUser;
import io.sightline.api.Folder;
import io.sightline.api.FolderRequest;
import io.sightline.api.Health;
import io.sightline.api.ImportRequest;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.Org;
import io.sightline.api.Playback;
import io.sightline.api.ProcessingStatus;
import io.sightline.api.UploadPart;
import io.sightline.api.User;
import io.sightline.api.Video;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of the REST API, served at {@code /v1/openapi.json}. Operations are
 * listed here by hand; schemas are derived from the wire records. A test checks that the listed
 * operations and the server's real routes are the same set.
 */
public final class OpenApi {

    /** One documented operation; {@code body} and {@code response} are wire records, {@code null} for none. */
    public record Operation(String method, String path, String summary, Object body, Object response, int status, boolean open) {}

    private static final String PAGE = "Page";
    private static final String LIST = "List";

    public static final List<Operation> OPERATIONS = List.of(
            new Operation("get", "/v1/health", "Liveness and version", null, Health.class, 200, true),
            new Operation("get", "/v1/openapi.json", "This document", null, null, 200, true),
            new Operation("get", "/metrics", "Prometheus metrics (text format)", null, null, 200, true),
            new Operation("get", "/v1/me", "The calling user", null, User.class, 200, false),
            new Operation("post", "/v1/orgs", "Create an organisation (admin)", CreateOrgRequest.class, Org.class, 201, false),
            new Operation("post", "/v1/users", "Create a user and their API key (admin)", CreateUserRequest.class, CreatedUser.class, 201, false),
            new Operation("get", "/v1/folders", "List visible folders (?scope=user|org, offset, limit)", null, List.of(PAGE, Folder.class), 200, false),
            new Operation("post", "/v1/folders", "Create or get a folder by name and scope", FolderRequest.class, Folder.class, 201, false),
            new Operation("get", "/v1/folders/{id}", "Get a folder", null, Folder.class, 200, false),
            new Operation("delete", "/v1/folders/{id}", "Delete an empty folder", null, null, 204, false),
            new Operation("post", "/v1/uploads", "Direct upload: multipart/form-data with 'file', optional 'metadata' sidecar, 'folder', 'scope', 'folderId', 'name'", "multipart", Video.class, 202, false),
            new Operation("post", "/v1/uploads/multipart", "Start a resumable upload", InitiateMultipartRequest.class, MultipartUpload.class, 201, false),
            new Operation("get", "/v1/uploads/multipart/{uploadId}", "Get a resumable upload", null, MultipartUpload.class, 200, false),
            new Operation("put", "/v1/uploads/multipart/{uploadId}/parts/{partNumber}", "Upload one part (raw bytes; header X-Checksum-Sha256)", "bytes", UploadPart.class, 200, false),
            new Operation("get", "/v1/uploads/multipart/{uploadId}/parts", "List the stored parts", null, List.of(LIST, UploadPart.class), 200, false),
            new Operation("post", "/v1/uploads/multipart/{uploadId}/complete", "Assemble the parts into a video", CompleteMultipartRequest.class, Video.class, 202, false),
            new Operation("delete", "/v1/uploads/multipart/{uploadId}", "Abort a resumable upload", null, null, 204, false),
            new Operation("post", "/v1/imports", "Import a video from an HTTP(S) URL", ImportRequest.class, Video.class, 202, false),
            new Operation("get", "/v1/videos", "List videos (status, folderId, createdAfter, createdBefore, sort, order, offset, limit)", null, List.of(PAGE, Video.class), 200, false),
            new Operation("get", "/v1/videos/{id}", "Get a video", null, Video.class, 200, false),
            new Operation("delete", "/v1/videos/{id}", "Delete a video and everything derived from it", null, null, 204, false),
            new Operation("get", "/v1/videos/{id}/status", "Processing steps and derived state", null, ProcessingStatus.class, 200, false),
            new Operation("get", "/v1/videos/{id}/playback", "Signed, short-lived HLS and thumbnail URLs (?ttlSeconds)", null, Playback.class, 200, false),
            new Operation("get", "/v1/videos/{id}/segments", "What was perceived, segment by segment (409 until perceived)", null, List.of(LIST, io.sightline.api.Segment.class), 200, false),
            new Operation("get", "/v1/search", "Hybrid search over segments of the videos you can see (?q, folderId, videoId, limit)", null, io.sightline.api.SearchResults.class, 200, false),
            new Operation("get", "/v1/media/{videoId}/{expires}/{signature}/{file}", "A signed media file (HLS playlist, segment, poster, storyboard)", null, null, 200, true),
            new Operation("get", "/v1/collections", "List your collections", null, List.of(PAGE, Collection.class), 200, false),
            new Operation("post", "/v1/collections", "Create a collection", CollectionRequest.class, Collection.class, 201, false),
            new Operation("get", "/v1/collections/{id}", "Get a collection", null, Collection.class, 200, false),
            new Operation("patch", "/v1/collections/{id}", "Rename or describe a collection", CollectionRequest.class, Collection.class, 200, false),
            new Operation("delete", "/v1/collections/{id}", "Delete a collection (its videos stay)", null, null, 204, false),
            new Operation("get", "/v1/collections/{id}/videos", "List the videos in a collection", null, List.of(PAGE, Video.class), 200, false),
            new Operation("post", "/v1/collections/{id}/videos", "Add a video (409 when already in it)", AddVideoRequest.class, null, 204, false),
            new Operation("delete", "/v1/collections/{id}/videos/{videoId}", "Remove a video from a collection", null, null, 204, false));

    private OpenApi() {}

    public static void register(Javalin app, String version) {
        Map<String, Object> document = document(version);
        app.get("/v1/openapi.json", ctx -> ctx.json(document));
    }

    public static Map<String, Object> document(String version) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemaOf(ApiError.class, schemas);
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Operation op : OPERATIONS) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", op.summary());
            if (op.open()) operation.put("security", List.of());
            if (op.body() instanceof Class<?> type) {
                operation.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", schemaOf(type, schemas)))));
            } else if ("multipart".equals(op.body())) {
                operation.put("requestBody", Map.of("required", true, "content", Map.of("multipart/form-data", Map.of("schema", Map.of("type", "object")))));
            } else if ("bytes".equals(op.body())) {
                operation.put("requestBody", Map.of("required", true, "content", Map.of("application/octet-stream", Map.of("schema", Map.of("type", "string", "format", "binary")))));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            Map<String, Object> success = new LinkedHashMap<>();
            success.put("description", "success");
            Object schema = responseSchema(op.response(), schemas);
            if (schema != null) success.put("content", Map.of("application/json", Map.of("schema", schema)));
            responses.put(Integer.toString(op.status()), success);
            responses.put("default", Map.of("description", "error", "content", Map.of("application/json", Map.of("schema", ref("ApiError")))));
            operation.put("responses", responses);
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<String, Object>());
            item.put(op.method(), operation);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Sightline API", "version", version));
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "apiKey", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"),
                "bearer", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("apiKey", List.of()), Map.of("bearer", List.of())));
        doc.put("paths", paths);
        return doc;
    }

    private static Object responseSchema(Object response, Map<String, Object> schemas) {
        if (response instanceof Class<?> type) return schemaOf(type, schemas);
        if (response instanceof List<?> wrapper) {
            Object item = schemaOf((Class<?>) wrapper.get(1), schemas);
            if (PAGE.equals(wrapper.get(0))) {
                return Map.of("type", "object", "properties", Map.of("items", Map.of("type", "array", "items", item),
                        "total", Map.of("type", "integer"), "offset", Map.of("type", "integer"), "limit", Map.of("type", "integer")));
            }
            return Map.of("type", "array", "items", item);
        }
        return null;
    }

    /** A JSON schema for a Java type; records become named components. */
    private static Map<String, Object> schemaOf(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) return Map.of("type", "array", "items", schemaOf(p.getActualTypeArguments()[0], schemas));
            if (Map.class.isAssignableFrom(raw)) return Map.of("type", "object", "additionalProperties", schemaOf(p.getActualTypeArguments()[1], schemas));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return Map.of("type", "string");
        if (c == int.class || c == long.class || c == Integer.class || c == Long.class) return Map.of("type", "integer");
        if (c == double.class || c == Double.class || c == float.class) return Map.of("type", "number");
        if (c == boolean.class || c == Boolean.class) return Map.of("type", "boolean");
        if (c == Instant.class) return Map.of("type", "string", "format", "date-time");
        if (c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                try {
                    JsonProperty wire = c.getField(((Enum<?>) constant).name()).getAnnotation(JsonProperty.class);
                    values.add(wire != null ? wire.value() : ((Enum<?>) constant).name());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Map.of("type", "string", "enum", values);
        }
        if (c.isRecord()) {
            String name = c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
            if (!schemas.containsKey(name)) {
                Map<String, Object> properties = new LinkedHashMap<>();
                schemas.put(name, Map.of("type", "object", "properties", properties));
                for (RecordComponent component : c.getRecordComponents()) {
                    properties.put(component.getName(), schemaOf(component.getGenericType(), schemas));
                }
            }
            return ref(name);
        }
        return Map.of();
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }
}
