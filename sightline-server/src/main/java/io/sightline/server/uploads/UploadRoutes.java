package io.sightline.server.uploads;

import static io.sightline.server.auth.AuthRoutes.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.Folder;
import io.sightline.api.ImportRequest;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.User;
import io.sightline.api.VideoMetadata;
import io.sightline.server.folders.FolderRoutes;
import io.sightline.server.folders.FolderService;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Json;
import io.sightline.server.http.Names;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet5.JakartaServletFileUpload;

/** Direct uploads (streamed multipart/form-data), resumable multipart uploads and URL imports. */
public final class UploadRoutes {

    private static final int MAX_FIELD_BYTES = 4096;
    private static final long MAX_JSON = 2L * 1024 * 1024;

    private final UploadService uploads;
    private final ImportService imports;
    private final FolderService folders;
    private final SidecarValidator sidecars;
    private final ObjectMapper json;

    public UploadRoutes(UploadService uploads, ImportService imports, FolderService folders, SidecarValidator sidecars, ObjectMapper json) {
        this.uploads = uploads;
        this.imports = imports;
        this.folders = folders;
        this.sidecars = sidecars;
        this.json = json;
    }

    public void register(Javalin app) {
        app.post("/v1/uploads", this::direct);
        app.post("/v1/uploads/multipart", ctx ->
                ctx.status(201).json(uploads.initiate(user(ctx), Json.read(ctx, json, InitiateMultipartRequest.class, MAX_JSON))));
        app.get("/v1/uploads/multipart/{uploadId}", ctx -> ctx.json(uploads.get(user(ctx), ctx.pathParam("uploadId"))));
        app.put("/v1/uploads/multipart/{uploadId}/parts/{partNumber}", ctx -> {
            int partNumber;
            try {
                partNumber = Integer.parseInt(ctx.pathParam("partNumber"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("partNumber must be a whole number");
            }
            try (InputStream body = ctx.req().getInputStream()) {
                ctx.json(uploads.putPart(user(ctx), ctx.pathParam("uploadId"), partNumber, body, ctx.header("X-Checksum-Sha256")));
            }
        });
        app.get("/v1/uploads/multipart/{uploadId}/parts", ctx -> ctx.json(uploads.parts(user(ctx), ctx.pathParam("uploadId"))));
        app.post("/v1/uploads/multipart/{uploadId}/complete", ctx -> ctx.status(202).json(uploads.complete(user(ctx),
                ctx.pathParam("uploadId"), Json.read(ctx, json, CompleteMultipartRequest.class, MAX_JSON))));
        app.delete("/v1/uploads/multipart/{uploadId}", ctx -> {
            uploads.abort(user(ctx), ctx.pathParam("uploadId"));
            ctx.status(204);
        });
        app.post("/v1/imports", ctx -> ctx.status(202).json(imports.create(user(ctx), Json.read(ctx, json, ImportRequest.class, 64 * 1024))));
    }

    /** Reads the form part by part, streaming the video straight to the blob store. */
    private void direct(Context ctx) throws IOException {
        User user = user(ctx);
        if (!JakartaServletFileUpload.isMultipartContent(ctx.req())) {
            throw ApiException.badRequest("send the video as multipart/form-data with a 'file' part");
        }
        if (ctx.req().getContentLengthLong() > uploads.maxUploadBytes() + 1024 * 1024) {
            throw ApiException.tooLarge("payload_too_large", "the upload is larger than the limit of " + uploads.maxUploadBytes() + " bytes");
        }
        Map<String, String> fields = new HashMap<>();
        String videoId = null;
        UploadService.Incoming file = null;
        String sidecarName = null;
        byte[] sidecar = null;
        boolean accepted = false;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(ctx.req());
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                String field = part.getFieldName();
                if (part.isFormField()) {
                    fields.put(field, new String(readAtMost(part.getInputStream(), MAX_FIELD_BYTES, "form field '" + field + "'"), StandardCharsets.UTF_8));
                } else if ("file".equals(field)) {
                    if (file != null) throw ApiException.badRequest("send one video per request; use several requests for several files");
                    String filename = Names.check("file name", part.getName());
                    videoId = uploads.storeSource(part.getInputStream());
                    file = new UploadService.Incoming(filename, part.getContentType());
                } else if ("metadata".equals(field)) {
                    sidecarName = part.getName();
                    sidecar = readSidecar(part.getInputStream());
                } else {
                    throw ApiException.badRequest("unexpected form part '" + field + "'; expected 'file', 'metadata' and text fields");
                }
            }
            if (file == null) throw ApiException.badRequest("the form has no 'file' part with the video");
            VideoMetadata metadata = null;
            if (sidecar != null) {
                SidecarValidator.checkName(file.filename(), sidecarName);
                metadata = sidecars.parse(sidecar);
            }
            String scope = fields.get("scope");
            Folder folder = folders.forUpload(user, fields.get("folderId"), fields.get("folder"),
                    scope == null || scope.isBlank() ? null : FolderRoutes.parseScope(scope));
            var video = uploads.accept(user, videoId, file, blankToNull(fields.get("name")), folder, metadata);
            accepted = true;
            ctx.status(202).json(video);
        } catch (FileUploadException e) {
            throw ApiException.badRequest("the multipart/form-data body is malformed: " + e.getMessage());
        } finally {
            if (!accepted && videoId != null) uploads.discard(videoId);
        }
    }

    /** Reads the whole sidecar part, even an oversize one, so the client can read our answer. */
    private static byte[] readSidecar(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean tooLarge = false;
        for (int n; (n = in.read(buffer)) != -1; ) {
            if (out.size() + n > SidecarValidator.MAX_BYTES) tooLarge = true;
            if (!tooLarge) out.write(buffer, 0, n);
        }
        if (tooLarge) throw SidecarValidator.tooLarge();
        return out.toByteArray();
    }

    private static byte[] readAtMost(InputStream in, int max, String what) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) throw ApiException.tooLarge("payload_too_large", what + " is longer than " + max + " bytes");
        return bytes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
