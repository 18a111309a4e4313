package io.sightline.sdk.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import io.sightline.api.Video;
import io.sightline.sdk.SightlineException;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/** The calls of the resumable upload API, one method each. */
public final class MultipartApi {
    private static final TypeReference<List<UploadPart>> PART_LIST = new TypeReference<>() {};

    private final ApiClient api;

    public MultipartApi(ApiClient api) {
        this.api = api;
    }

    public MultipartUpload initiate(InitiateMultipartRequest request) {
        return api.execute(ApiRequest.post("/v1/uploads/multipart").json(request), MultipartUpload.class);
    }

    public MultipartUpload get(String uploadId) {
        return api.execute(ApiRequest.get("/v1/uploads/multipart/{}", uploadId), MultipartUpload.class);
    }

    /** Sends {@code length} bytes of {@code file} from {@code position} as one part; PUT, so retried safely. */
    public UploadPart putPart(String uploadId, int partNumber, Path file, long position, long length, String sha256,
                              LongConsumer progress) {
        return putPart(uploadId, partNumber, StreamingBody.ofFileRange(file, position, length, progress), sha256);
    }

    public UploadPart putPart(String uploadId, int partNumber, HttpRequest.BodyPublisher body, String sha256) {
        ApiRequest request = ApiRequest.put("/v1/uploads/multipart/{}/parts/{}", uploadId, Integer.toString(partNumber))
                .body(body, "application/octet-stream")
                .header("X-Checksum-Sha256", sha256)
                .timeout(api.uploadTimeout(body.contentLength()));
        UploadPart stored = api.execute(request, UploadPart.class);
        if (stored.sha256() != null && !stored.sha256().equalsIgnoreCase(sha256)) {
            // The server checks the header itself; this catches one that ignored it.
            throw new SightlineException("part " + partNumber + " of upload " + uploadId + " was stored with SHA-256 "
                    + stored.sha256() + " but " + sha256 + " was sent");
        }
        return stored;
    }

    public List<UploadPart> listParts(String uploadId) {
        return api.execute(ApiRequest.get("/v1/uploads/multipart/{}/parts", uploadId), PART_LIST);
    }

    /**
     * The server joins and probes the parts before it answers, which takes about as long as
     * receiving them did: give a timeout that fits the file, or null for ten minutes.
     */
    public Video complete(String uploadId, CompleteMultipartRequest request, Duration timeout) {
        Duration wait = timeout != null ? timeout : max(api.options().timeout(), Duration.ofMinutes(10));
        return api.execute(ApiRequest.post("/v1/uploads/multipart/{}/complete", uploadId).json(request).timeout(wait),
                Video.class);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void abort(String uploadId) {
        api.execute(ApiRequest.delete("/v1/uploads/multipart/{}", uploadId));
    }
}
