package io.sightline.sdk.internal;

import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import io.sightline.api.Video;
import io.sightline.sdk.BadRequestException;
import io.sightline.sdk.IncompleteUploadException;
import io.sightline.sdk.SightlineException;
import io.sightline.sdk.UploadProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a file through the resumable multipart API: parts go up in parallel, each with its
 * SHA-256; on resume, only parts the server lacks or holds with other bytes are sent again.
 */
public final class MultipartUploader {
    /** A part the server says arrived corrupted is sent again this many more times. */
    private static final int CHECKSUM_RESENDS = 2;

    private final ApiClient api;
    private final MultipartApi calls;

    public MultipartUploader(ApiClient api, MultipartApi calls) {
        this.api = api;
        this.calls = calls;
    }

    /**
     * @param keepOnFailure keep the parts sent and throw {@link IncompleteUploadException} instead of aborting
     */
    public Video upload(Path file, InitiateMultipartRequest initiate, int parallelism, boolean keepOnFailure,
                        UploadProgress progress) {
        long size = sizeOf(file);
        MultipartUpload upload = calls.initiate(initiate);
        try {
            return sendAndComplete(upload, file, size, Map.of(), parallelism, progress);
        } catch (RuntimeException failure) {
            if (keepOnFailure) throw new IncompleteUploadException(upload.uploadId(), failure);
            try {
                calls.abort(upload.uploadId());
            } catch (RuntimeException abortFailed) {
                failure.addSuppressed(abortFailed);
            }
            throw failure;
        }
    }

    /** Finishes an upload that was started earlier, with the same file. A failed resume is kept for another. */
    public Video resume(String uploadId, Path file, int parallelism, UploadProgress progress) {
        MultipartUpload upload = calls.get(uploadId);
        if ("completed".equals(upload.state()) && upload.videoId() != null) {
            return api.execute(ApiRequest.get("/v1/videos/{}", upload.videoId()), Video.class);
        }
        long size = sizeOf(file);
        Map<Integer, UploadPart> stored = new HashMap<>();
        for (UploadPart part : calls.listParts(uploadId)) stored.put(part.partNumber(), part);
        try {
            return sendAndComplete(upload, file, size, stored, parallelism, progress);
        } catch (IncompleteUploadException e) {
            throw e;
        } catch (RuntimeException failure) {
            throw new IncompleteUploadException(uploadId, failure);
        }
    }

    private Video sendAndComplete(MultipartUpload upload, Path file, long size, Map<Integer, UploadPart> stored,
                                  int parallelism, UploadProgress listener) {
        long partSize = upload.partSize();
        if (partSize <= 0) throw new SightlineException("upload " + upload.uploadId() + " has part size " + partSize);
        int partCount = (int) Math.max(1, (size + partSize - 1) / partSize);
        ProgressTracker progress = new ProgressTracker(size, listener);
        progress.start();

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, partCount), daemonThreads());
        CompletionService<CompleteMultipartRequest.PartRef> done = new ExecutorCompletionService<>(pool);
        try {
            for (int number = 1; number <= partCount; number++) {
                int partNumber = number;
                long position = (partNumber - 1) * partSize;
                long length = Math.min(partSize, size - position);
                done.submit(() -> sendPart(upload.uploadId(), partNumber, file, position, length,
                        stored.get(partNumber), progress));
            }
            CompleteMultipartRequest.PartRef[] refs = new CompleteMultipartRequest.PartRef[partCount];
            for (int i = 0; i < partCount; i++) {
                CompleteMultipartRequest.PartRef ref = done.take().get();
                refs[ref.partNumber() - 1] = ref;
            }
            pool.shutdown();
            Video video = calls.complete(upload.uploadId(), new CompleteMultipartRequest(List.of(refs)),
                    api.uploadTimeout(size));
            progress.finish();
            return video;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new SightlineException("part upload failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SightlineException("interrupted while uploading " + file, e);
        } finally {
            stopAndWait(pool);
        }
    }

    /** Hashes the part, skips it when the server already holds the same bytes, else sends it. */
    private CompleteMultipartRequest.PartRef sendPart(String uploadId, int partNumber, Path file, long position,
                                                      long length, UploadPart stored, ProgressTracker progress) {
        String sha256;
        try {
            sha256 = Sha256.ofRange(file, position, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read part " + partNumber + " of " + file, e);
        }
        if (stored != null && stored.size() == length && sha256.equalsIgnoreCase(stored.sha256())) {
            progress.skipped(partNumber, length);
            return new CompleteMultipartRequest.PartRef(partNumber, sha256);
        }
        for (int resend = 0; ; resend++) {
            try {
                calls.putPart(uploadId, partNumber, file, position, length, sha256, progress.part(partNumber));
                return new CompleteMultipartRequest.PartRef(partNumber, sha256);
            } catch (BadRequestException e) {
                // Bytes damaged on the way; the server asks for them again.
                if (!"part_checksum_mismatch".equals(e.code()) || resend >= CHECKSUM_RESENDS) throw e;
            }
        }
    }

    /** Stops parts still running after a failure before the caller aborts, so none lands after the abort. */
    private static void stopAndWait(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sightline-upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
