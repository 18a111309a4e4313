package io.sightline.server.uploads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.Folder;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MediaInfo;
import io.sightline.api.MultipartUpload;
import io.sightline.api.StepState;
import io.sightline.api.UploadPart;
import io.sightline.api.User;
import io.sightline.api.Video;
import io.sightline.api.VideoMetadata;
import io.sightline.api.VideoStatus;
import io.sightline.server.Ids;
import io.sightline.server.folders.FolderService;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Names;
import io.sightline.server.http.ServerPaths;
import io.sightline.server.media.SourceProbe;
import io.sightline.server.pipeline.Pipeline;
import io.sightline.server.videos.VideoFiles;
import io.sightline.store.blob.BlobStore;
import io.sightline.store.repo.UploadRepository;
import io.sightline.store.repo.UploadRepository.UploadRecord;
import io.sightline.store.repo.VideoRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns uploaded bytes into videos: direct uploads, resumable multipart uploads, and the checks
 * every new source passes (not empty, really a video) before it is accepted.
 */
public final class UploadService {

    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;
    private static final Duration UPLOAD_LIFETIME = Duration.ofDays(7);

    /** One file of a direct upload as the client named it. */
    public record Incoming(String filename, String contentType) {}

    private final UploadRepository uploads;
    private final VideoRepository videos;
    private final FolderService folders;
    private final BlobStore blobs;
    private final SourceProbe probe;
    private final Pipeline pipeline;
    private final SidecarValidator sidecars;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxUploadBytes;
    private final List<String> steps;

    public UploadService(UploadRepository uploads, VideoRepository videos, FolderService folders, BlobStore blobs,
                         SourceProbe probe, Pipeline pipeline, SidecarValidator sidecars, ObjectMapper json, Clock clock,
                         long maxUploadBytes, boolean perception) {
        this.steps = Pipeline.steps(false, perception);
        this.uploads = uploads;
        this.videos = videos;
        this.folders = folders;
        this.blobs = blobs;
        this.probe = probe;
        this.pipeline = pipeline;
        this.sidecars = sidecars;
        this.json = json;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Streams a direct upload's video bytes to the store under a fresh video id; returns that id. */
    public String storeSource(InputStream in) throws IOException {
        String videoId = Ids.next("vid");
        try {
            blobs.write(VideoFiles.key(videoId, VideoFiles.SOURCE), in, maxUploadBytes);
            return videoId;
        } catch (BlobStore.TooLarge e) {
            discard(videoId);
            throw ApiException.tooLarge("payload_too_large", "the video is larger than the limit of " + maxUploadBytes + " bytes");
        } catch (IOException | RuntimeException e) {
            discard(videoId);
            throw e;
        }
    }

    /**
     * Accepts a stored source as a new video after the last checks, or removes it.
     *
     * @param name display name; {@code filename} when null
     */
    public Video accept(User user, String videoId, Incoming file, String name, Folder folder, VideoMetadata metadata) {
        try {
            long size = blobs.size(VideoFiles.key(videoId, VideoFiles.SOURCE));
            if (size == 0) throw ApiException.badRequest("empty_file", "'" + file.filename() + "' is empty (0 bytes)");
            MediaInfo media = probeOrReject(videoId, file.filename());
            Instant now = clock.instant();
            Video video = new Video(videoId, name == null ? file.filename() : Names.check("name", name), folder.id(), user.id(),
                    VideoStatus.UPLOADED, size, file.contentType(), now, now, media, metadata);
            videos.create(video, user.orgId(), steps, null);
            // The probe ran here, synchronously, to reject non-videos with a 4xx; the pipeline starts after it.
            videos.startStep(videoId, "probe");
            videos.finishStep(videoId, "probe", StepState.COMPLETED, null);
            pipeline.scheduleNext(videoId);
            return videos.find(videoId).orElseThrow();
        } catch (IOException | RuntimeException e) {
            discard(videoId);
            if (e instanceof RuntimeException re) throw re;
            throw new java.io.UncheckedIOException((IOException) e);
        }
    }

    public void discard(String videoId) {
        try {
            blobs.delete(VideoFiles.prefix(videoId));
        } catch (IOException ignored) {
            // Leftover files of a rejected upload waste space but lose nothing.
        }
    }

    private MediaInfo probeOrReject(String videoId, String filename) {
        try {
            return probe.probe(blobs.localPath(VideoFiles.key(videoId, VideoFiles.SOURCE)));
        } catch (SourceProbe.NotAVideo e) {
            throw ApiException.unprocessable("not_a_video", "'" + filename + "' is not a video Sightline can read: " + ServerPaths.hide(e.getMessage()));
        }
    }

    // ---- resumable multipart uploads

    public MultipartUpload initiate(User user, InitiateMultipartRequest request) {
        String filename = Names.check("file name", request.filename());
        VideoMetadata metadata = null;
        if (request.metadata() != null || request.metadataFilename() != null) {
            if (request.metadataFilename() == null) throw ApiException.badRequest("invalid_sidecar", "metadataFilename is required with metadata");
            SidecarValidator.checkName(filename, request.metadataFilename());
            if (request.metadata() == null) throw ApiException.badRequest("invalid_sidecar", "metadata is required with metadataFilename");
            metadata = sidecars.validate(request.metadata());
        }
        Folder folder = folders.forUpload(user, request.folderId(), request.folder(), request.scope());
        Instant now = clock.instant();
        MultipartUpload upload = new MultipartUpload(Ids.next("upl"), filename, folder.id(), DEFAULT_PART_SIZE, "open", null,
                now, now.plus(UPLOAD_LIFETIME));
        String name = request.name() == null ? null : Names.check("name", request.name());
        uploads.create(new UploadRecord(upload, user.id(), name, request.contentType(), write(metadata)));
        return upload;
    }

    public MultipartUpload get(User user, String uploadId) {
        return owned(user, uploadId).upload();
    }

    public UploadPart putPart(User user, String uploadId, int partNumber, InputStream body, String expectedSha256) throws IOException {
        UploadRecord upload = open(user, uploadId);
        if (partNumber < 1 || partNumber > MAX_PARTS) throw ApiException.badRequest("partNumber must be between 1 and " + MAX_PARTS);
        String expected = expectedSha256 == null || expectedSha256.isBlank() ? null : expectedSha256.strip().toLowerCase(java.util.Locale.ROOT);
        if (expected != null && !expected.matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest("X-Checksum-Sha256 must be 64 hexadecimal characters");
        }
        String key = partKey(uploadId, partNumber);
        String staging = key + ".incoming-" + Ids.next("p");
        BlobStore.Stored stored;
        try {
            stored = blobs.write(staging, body, upload.upload().partSize());
        } catch (BlobStore.TooLarge e) {
            blobs.delete(staging);
            throw ApiException.tooLarge("payload_too_large", "a part may hold at most " + upload.upload().partSize() + " bytes");
        }
        try {
            if (stored.size() == 0) throw ApiException.badRequest("empty_part", "part " + partNumber + " is empty");
            if (expected != null && !expected.equals(stored.sha256())) {
                throw ApiException.badRequest("part_checksum_mismatch", "part " + partNumber + " arrived with SHA-256 " + stored.sha256()
                        + " but X-Checksum-Sha256 says " + expected + "; send it again");
            }
            // Only a verified part replaces an earlier upload of the same number.
            try (InputStream in = blobs.read(staging).orElseThrow()) {
                blobs.write(key, in, upload.upload().partSize());
            }
        } finally {
            blobs.delete(staging);
        }
        UploadPart part = new UploadPart(partNumber, stored.size(), stored.sha256(), clock.instant());
        uploads.putPart(uploadId, part);
        return part;
    }

    public List<UploadPart> parts(User user, String uploadId) {
        owned(user, uploadId);
        return uploads.parts(uploadId);
    }

    public Video complete(User user, String uploadId, CompleteMultipartRequest request) throws IOException {
        UploadRecord upload = open(user, uploadId);
        List<CompleteMultipartRequest.PartRef> refs = request == null || request.parts() == null ? List.of() : request.parts();
        if (refs.isEmpty()) throw ApiException.badRequest("list the parts to assemble, in order");
        Map<Integer, UploadPart> stored = uploads.parts(uploadId).stream()
                .collect(Collectors.toMap(UploadPart::partNumber, Function.identity()));
        List<InputStream> streams = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            CompleteMultipartRequest.PartRef ref = refs.get(i);
            if (ref.partNumber() != i + 1) throw ApiException.badRequest("parts must be numbered 1, 2, 3 ... in order; entry " + i + " is part " + ref.partNumber());
            UploadPart part = stored.get(ref.partNumber());
            if (part == null) throw ApiException.badRequest("missing_part", "part " + ref.partNumber() + " was never uploaded");
            if (ref.sha256() != null && !ref.sha256().equalsIgnoreCase(part.sha256())) {
                throw ApiException.badRequest("part_checksum_mismatch", "part " + ref.partNumber() + " has SHA-256 " + part.sha256() + ", not " + ref.sha256());
            }
        }
        for (CompleteMultipartRequest.PartRef ref : refs) streams.add(blobs.read(partKey(uploadId, ref.partNumber())).orElseThrow(
                () -> new IllegalStateException("part " + ref.partNumber() + " of " + uploadId + " is recorded but its bytes are gone")));
        String videoId;
        try (InputStream joined = new SequenceInputStream(Collections.enumeration(streams))) {
            videoId = storeSource(joined);
        }
        Video video = accept(user, videoId, new Incoming(upload.upload().filename(), upload.contentType()), upload.name(),
                folders.get(user, upload.upload().folderId()), read(upload.metadataJson()));
        uploads.markCompleted(uploadId, videoId);
        blobs.delete("uploads/" + uploadId + "/");
        return video;
    }

    public void abort(User user, String uploadId) throws IOException {
        open(user, uploadId);
        uploads.markAborted(uploadId);
        blobs.delete("uploads/" + uploadId + "/");
    }

    private UploadRecord owned(User user, String uploadId) {
        UploadRecord upload = uploads.find(uploadId).orElseThrow(() -> ApiException.notFound("upload " + uploadId));
        if (!upload.userId().equals(user.id())) throw ApiException.forbidden("upload " + uploadId);
        return upload;
    }

    private UploadRecord open(User user, String uploadId) {
        UploadRecord upload = owned(user, uploadId);
        if (!upload.upload().state().equals("open")) {
            throw ApiException.conflict("upload " + uploadId + " is " + upload.upload().state() + "; start a new one");
        }
        if (clock.instant().isAfter(upload.upload().expiresAt())) throw ApiException.conflict("upload " + uploadId + " has expired");
        return upload;
    }

    private static String partKey(String uploadId, int partNumber) {
        return "uploads/" + uploadId + "/part-" + partNumber;
    }

    private String write(VideoMetadata metadata) {
        try {
            return metadata == null ? null : json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private VideoMetadata read(String text) {
        try {
            return text == null ? null : json.readValue(text, VideoMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sidecar is corrupt", e);
        }
    }
}
