package io.sightline.sdk;

import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import io.sightline.api.Video;
import io.sightline.api.VideoMetadata;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;
import io.sightline.sdk.internal.ContentTypes;
import io.sightline.sdk.internal.Json;
import io.sightline.sdk.internal.MultipartApi;
import io.sightline.sdk.internal.MultipartForm;
import io.sightline.sdk.internal.MultipartUploader;
import io.sightline.sdk.internal.ProgressTracker;
import io.sightline.sdk.internal.Sha256;
import io.sightline.sdk.internal.StreamingBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code /v1/uploads}: the {@link #upload} helper that picks the right way to send a file, and the
 * calls of the resumable multipart API for those who drive it themselves. Local files that cannot
 * be read throw {@link UncheckedIOException}.
 */
public final class UploadService {
    private final ApiClient api;
    private final MultipartApi multipart;
    private final MultipartUploader uploader;

    UploadService(ApiClient api) {
        this.api = api;
        this.multipart = new MultipartApi(api);
        this.uploader = new MultipartUploader(api, multipart);
    }

    /**
     * Uploads one file and returns the new video. Files below {@link UploadParams#multipartThreshold()}
     * go in one streamed {@code multipart/form-data} request; larger ones through the resumable API,
     * parts in parallel, aborted on failure unless {@link UploadParams.Builder#keepOnFailure} was set.
     * The file is read from disk as it is sent, never held whole in memory.
     */
    public Video upload(UploadParams params) {
        long size = sizeOf(params.file());
        return size < params.multipartThreshold() ? direct(params, size) : resumable(params);
    }

    /**
     * Finishes a multipart upload kept by {@link IncompleteUploadException}: lists the stored parts,
     * sends only those missing or whose SHA-256 differs from the file's, and completes it.
     */
    public Video resume(String uploadId, Path file, UploadProgress progress) {
        return uploader.resume(uploadId, file, UploadParams.DEFAULT_PARALLELISM, progress);
    }

    public MultipartUpload initiate(InitiateMultipartRequest request) {
        return multipart.initiate(request);
    }

    /** The upload's state and the part size every part but the last must have. */
    public MultipartUpload get(String uploadId) {
        return multipart.get(uploadId);
    }

    public UploadPart uploadPart(String uploadId, int partNumber, byte[] bytes) {
        return multipart.putPart(uploadId, partNumber, HttpRequest.BodyPublishers.ofByteArray(bytes), Sha256.of(bytes));
    }

    /** Sends {@code length} bytes of {@code file} from {@code position} as one part, streamed from disk. */
    public UploadPart uploadPart(String uploadId, int partNumber, Path file, long position, long length) {
        String sha256;
        try {
            sha256 = Sha256.ofRange(file, position, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return multipart.putPart(uploadId, partNumber, file, position, length, sha256, sent -> {});
    }

    /** The stored parts, sorted by part number. */
    public List<UploadPart> listParts(String uploadId) {
        return multipart.listParts(uploadId);
    }

    public Video complete(String uploadId, CompleteMultipartRequest request) {
        return multipart.complete(uploadId, request, null);
    }

    public void abort(String uploadId) {
        multipart.abort(uploadId);
    }

    private Video direct(UploadParams params, long size) {
        Path file = params.file();
        MultipartForm form = MultipartForm.create()
                .field("folder", params.folder().orElse(null))
                .field("scope", params.scope().map(scope -> scope.wireName()).orElse(null))
                .field("folderId", params.folderId().orElse(null))
                .field("name", params.name().orElse(null))
                .file("file", file.getFileName().toString(), ContentTypes.of(file), file, true);
        params.metadata().ifPresent(sidecar ->
                form.file("metadata", sidecar.getFileName().toString(), "application/json", sidecar, false));
        ProgressTracker progress = new ProgressTracker(size, params.progress());
        progress.start();
        StreamingBody body = form.build(progress.part(1));
        // Not idempotent: once the server may have stored the file, sending it again would make a second video.
        Video video = api.execute(ApiRequest.post("/v1/uploads").body(body, form.contentType())
                .timeout(api.uploadTimeout(body.contentLength())), Video.class);
        progress.finish();
        return video;
    }

    private Video resumable(UploadParams params) {
        Path file = params.file();
        String filename = file.getFileName().toString();
        VideoMetadata metadata = params.metadata().map(UploadService::readSidecar).orElse(null);
        String metadataFilename = params.metadata().map(sidecar -> sidecar.getFileName().toString()).orElse(null);
        InitiateMultipartRequest initiate = new InitiateMultipartRequest(filename, ContentTypes.of(file),
                params.folder().orElse(null), params.scope().orElse(null), params.folderId().orElse(null),
                metadata, metadataFilename, params.name().orElse(null));
        return uploader.upload(file, initiate, params.parallelism(), params.keepOnFailure(), params.progress());
    }

    /** The multipart API takes the sidecar as JSON inside the initiate request, so it is parsed here. */
    private static VideoMetadata readSidecar(Path sidecar) {
        try {
            return Json.STRICT.readValue(sidecar.toFile(), VideoMetadata.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("the metadata sidecar " + sidecar + " does not match the schema: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sidecar, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
