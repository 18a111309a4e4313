package io.sightline.sdk;

import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import io.sightline.sdk.internal.Json;
import io.sightline.sdk.internal.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sightline.sdk.TestServer.Reply;

/** The upload half of docs/api.md, in memory: direct uploads and the resumable multipart API. */
final class FakeUploadServer implements Function<TestServer.Recorded, Reply> {
    private static final Pattern UPLOAD = Pattern.compile("/v1/uploads/multipart/([^/]+)(/parts(?:/(\\d+))?|/complete)?");

    final long partSize;
    final Map<String, Map<Integer, byte[]>> parts = new ConcurrentHashMap<>();
    final Map<String, String> states = new ConcurrentHashMap<>();
    final List<InitiateMultipartRequest> initiated = new CopyOnWriteArrayList<>();
    final List<Integer> partsReceived = new CopyOnWriteArrayList<>();
    final List<String> aborted = new CopyOnWriteArrayList<>();
    volatile byte[] assembled;
    volatile List<FormData.Part> directForm;
    volatile String directContentLength;
    /** Answers a part PUT instead of storing it, when it returns non-null; given the part number. */
    volatile Function<Integer, Reply> partInterceptor = number -> null;
    /** When set, each part PUT counts down and waits until as many parts are in flight as the latch held. */
    volatile CountDownLatch gate;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    FakeUploadServer(long partSize) {
        this.partSize = partSize;
    }

    @Override
    public Reply apply(TestServer.Recorded request) {
        try {
            if (request.target().equals("POST /v1/uploads")) return direct(request);
            if (request.target().equals("POST /v1/uploads/multipart")) return initiate(request);
            Matcher m = UPLOAD.matcher(request.path());
            if (!m.matches()) return Reply.error(404, "not_found", request.target());
            String id = m.group(1);
            if (!states.containsKey(id)) return Reply.error(404, "not_found", "upload " + id);
            String tail = m.group(2);
            return switch (request.method() + " " + (tail == null ? "" : tail.replaceAll("\\d+", "N"))) {
                case "GET " -> Fixtures.ok(upload(id));
                case "DELETE " -> abort(id);
                case "PUT /parts/N" -> putPart(id, Integer.parseInt(m.group(3)), request);
                case "GET /parts" -> Fixtures.ok(storedParts(id));
                case "POST /complete" -> complete(id, request);
                default -> Reply.error(405, "method_not_allowed", request.target());
            };
        } catch (IOException e) {
            return Reply.error(400, "invalid_json", e.getMessage());
        }
    }

    void storePart(String uploadId, int number, byte[] bytes) {
        parts.get(uploadId).put(number, bytes);
    }

    private Reply direct(TestServer.Recorded request) {
        directContentLength = request.header("Content-Length");
        directForm = FormData.parse(request.body(), request.header("Content-Type"));
        FormData.Part file = directForm.stream().filter(part -> part.name().equals("file")).findFirst().orElseThrow();
        assembled = file.data();
        return Reply.json(202, Fixtures.json(video("vid_direct", file.filename(), file.data().length)));
    }

    private Reply initiate(TestServer.Recorded request) throws IOException {
        InitiateMultipartRequest initiate = Json.MAPPER.readValue(request.body(), InitiateMultipartRequest.class);
        initiated.add(initiate);
        String id = "upl_" + ids.incrementAndGet();
        parts.put(id, new ConcurrentHashMap<>());
        states.put(id, "open");
        return Reply.json(201, Fixtures.json(upload(id)));
    }

    private Reply putPart(String id, int number, TestServer.Recorded request) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                waitFor.countDown();
                waitFor.await(10, TimeUnit.SECONDS);
            }
            partsReceived.add(number);
            Reply intercepted = partInterceptor.apply(number);
            if (intercepted != null) return intercepted;
            String sha = Sha256.of(request.body());
            if (!sha.equals(request.header("X-Checksum-Sha256"))) {
                return Reply.error(400, "part_checksum_mismatch", "part " + number + " arrived damaged");
            }
            if (request.body().length > partSize) return Reply.error(413, "payload_too_large", "part too big");
            storePart(id, number, request.body());
            return Fixtures.ok(new UploadPart(number, request.body().length, sha, Fixtures.CREATED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(500, "internal", "interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private List<UploadPart> storedParts(String id) {
        List<UploadPart> list = new ArrayList<>();
        new TreeMap<>(parts.get(id)).forEach((number, bytes) ->
                list.add(new UploadPart(number, bytes.length, Sha256.of(bytes), Fixtures.CREATED)));
        return list;
    }

    private Reply complete(String id, TestServer.Recorded request) throws IOException {
        CompleteMultipartRequest complete = Json.MAPPER.readValue(request.body(), CompleteMultipartRequest.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < complete.parts().size(); i++) {
            CompleteMultipartRequest.PartRef ref = complete.parts().get(i);
            if (ref.partNumber() != i + 1) return Reply.error(400, "bad_request", "parts out of order");
            byte[] bytes = parts.get(id).get(ref.partNumber());
            if (bytes == null) return Reply.error(400, "missing_part", "part " + ref.partNumber() + " was never uploaded");
            if (!Sha256.of(bytes).equals(ref.sha256())) return Reply.error(400, "part_checksum_mismatch", "part " + ref.partNumber());
            out.write(bytes);
        }
        assembled = out.toByteArray();
        states.put(id, "completed");
        return Reply.json(202, Fixtures.json(video("vid_" + id, initiated.getLast().filename(), assembled.length)));
    }

    private Reply abort(String id) {
        aborted.add(id);
        states.put(id, "aborted");
        parts.get(id).clear();
        return Reply.empty(204);
    }

    private MultipartUpload upload(String id) {
        String state = states.get(id);
        return new MultipartUpload(id, "clip.mp4", "fld_1", partSize, state, state.equals("completed") ? "vid_" + id : null,
                Fixtures.CREATED, Fixtures.CREATED.plusSeconds(7 * 86400));
    }

    private static Video video(String id, String name, long size) {
        return new Video(id, name, "fld_1", "usr_1", VideoStatus.UPLOADED, size, "video/mp4", Fixtures.CREATED,
                Fixtures.CREATED, null, null);
    }
}
