package io.sightline.store.repo;

import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import java.util.List;
import java.util.Optional;

/** Resumable multipart uploads and their parts. */
public interface UploadRepository {

    /** The upload plus what only the server needs: its owner, the video's display name and the sidecar to attach on completion. */
    record UploadRecord(MultipartUpload upload, String userId, String name, String contentType, String metadataJson) {}

    void create(UploadRecord upload);

    Optional<UploadRecord> find(String uploadId);

    /** Records a part, replacing an earlier upload of the same number. */
    void putPart(String uploadId, UploadPart part);

    List<UploadPart> parts(String uploadId);

    void markCompleted(String uploadId, String videoId);

    void markAborted(String uploadId);
}
