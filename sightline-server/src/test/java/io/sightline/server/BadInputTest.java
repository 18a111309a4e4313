package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.CompleteMultipartRequest.PartRef;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import io.sightline.sdk.BadRequestException;
import io.sightline.sdk.NotFoundException;
import io.sightline.sdk.PermissionDeniedException;
import io.sightline.sdk.Sightline;
import io.sightline.sdk.UnprocessableEntityException;
import io.sightline.sdk.UploadParams;
import io.sightline.server.testing.RawHttp;
import io.sightline.server.testing.RawHttp.FilePart;
import io.sightline.server.testing.TestServer;
import io.sightline.server.testing.TestVideos;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets a clear 4xx, stores nothing, and the server keeps serving. */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static Sightline client;
    private static RawHttp raw;
    private static byte[] video;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        client = server.sdk();
        raw = new RawHttp(server.baseUrl(), server.adminKey());
        video = Files.readAllBytes(TestVideos.h264(dir, "ok.mp4", 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServesAndKeptNothing() throws Exception {
        assertThat(client.health().status()).isEqualTo("ok");
        // one folder per video; not a walk of the whole tree, whose HLS step may be renaming a folder meanwhile
        Path videos = server.dataDir().resolve("blobs").resolve("videos");
        long sources = 0;
        if (Files.isDirectory(videos)) {
            try (var folders = Files.list(videos)) {
                sources = folders.filter(folder -> Files.isRegularFile(folder.resolve("source"))).count();
            }
        }
        assertThat(sources).as("sources of accepted videos only").isEqualTo(videoRows());
    }

    @Test
    void upload_whenZeroBytes_isRejectedAsEmpty() throws Exception {
        Path empty = TestVideos.write(dir, "empty.mp4", new byte[0]);
        assertThatThrownBy(() -> client.uploads().upload(UploadParams.builder(empty).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("empty_file"));
    }

    @Test
    void upload_whenTextFileNamedMp4_isRejectedAsNotAVideo() {
        Path text = TestVideos.write(dir, "notes.mp4", "just some notes, not a video\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client.uploads().upload(UploadParams.builder(text).build()))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.code()).isEqualTo("not_a_video");
                    assertThat(e.getMessage()).contains("notes.mp4").contains("Invalid data found")
                            .as("the server's own paths stay on the server").doesNotContain(server.dataDir().toString());
                });
    }

    @Test
    void upload_whenTruncatedMp4_isRejectedAsNotAVideo() {
        Path truncated = TestVideos.write(dir, "cut.mp4", Arrays.copyOf(video, video.length / 2));
        assertThatThrownBy(() -> client.uploads().upload(UploadParams.builder(truncated).build()))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(e.code()).isEqualTo("not_a_video"));
    }

    @Test
    void upload_whenSidecarHasAnotherBaseName_isRejected() throws Exception {
        HttpResponse<String> response = raw.multipart("/v1/uploads", Map.of(),
                new FilePart("file", "dashcam.mp4", video), new FilePart("metadata", "other.json", "{\"fields\":[]}".getBytes()));
        assertError(response, 400, "sidecar_name_mismatch");
        assertThat(response.body()).contains("dashcam.json");
    }

    @Test
    void upload_whenSidecarIsMalformed_isRejected() throws Exception {
        assertError(raw.multipart("/v1/uploads", Map.of(), new FilePart("file", "dashcam.mp4", video),
                new FilePart("metadata", "dashcam.json", "{\"fields\": [".getBytes())), 400, "invalid_sidecar");
        assertError(raw.multipart("/v1/uploads", Map.of(), new FilePart("file", "dashcam.mp4", video),
                new FilePart("metadata", "dashcam.json", "{\"fields\":[{\"name\":\"speed\",\"type\":\"number\",\"values\":[{\"t\":0,\"value\":\"fast\"}]}]}".getBytes())),
                400, "invalid_sidecar");
    }

    @Test
    void upload_whenSidecarIs10MB_isRejectedAsTooLarge() throws Exception {
        byte[] huge = ("{\"description\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(raw.multipart("/v1/uploads", Map.of(), new FilePart("file", "dashcam.mp4", video),
                new FilePart("metadata", "dashcam.json", huge)), 413, "sidecar_too_large");
    }

    @Test
    void upload_whenValidSidecar_keepsItsFields() throws Exception {
        String sidecar = """
                {"description":"test drive","properties":{"camera":"front"},
                 "fields":[{"name":"speed","type":"number","unit":"km/h","position":"bottom-left","format":"%.0f km/h",
                            "values":[{"t":0,"value":42},{"t":1,"value":43.5}]},
                           {"name":"gps","type":"gps","values":[{"t":0,"value":{"lat":37.77,"lon":-122.41}}]}]}""";
        HttpResponse<String> response = raw.multipart("/v1/uploads", Map.of(), new FilePart("file", "trip.mp4", video),
                new FilePart("metadata", "trip.json", sidecar.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(202);
        var stored = client.videos().get(JSON.readTree(response.body()).get("id").asText()).metadata();
        assertThat(stored.properties()).containsEntry("camera", "front");
        assertThat(stored.fields()).hasSize(2);
        assertThat(stored.fields().get(0).unit()).isEqualTo("km/h");
    }

    @Test
    void upload_whenNameHasPathTricks_isRejected() throws Exception {
        for (String name : List.of("../../etc/evil.mp4", "/etc/passwd.mp4", "..\\win.mp4", "..")) {
            assertError(raw.multipart("/v1/uploads", Map.of(), new FilePart("file", name, video)), 400, "invalid_name");
        }
        assertError(raw.multipart("/v1/uploads", Map.of("folder", "../up"), new FilePart("file", "fine.mp4", video)), 400, "invalid_name");
    }

    @Test
    void get_whenUnknownIds_answers404() throws Exception {
        assertThatThrownBy(() -> client.videos().get("vid_doesnotexist")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.folders().get("fld_doesnotexist")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.collections().get("col_doesnotexist")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.uploads().listParts("upl_doesnotexist")).isInstanceOf(NotFoundException.class);
        assertError(raw.get("/v1/no/such/route"), 404, "not_found");
    }

    @Test
    void get_whenAnotherUsersIds_answers403WithoutData() throws Exception {
        Sightline alice = server.newMember("alice");
        Sightline bob = server.newMember("bob");
        var upload1 = alice.uploads().upload(UploadParams.builder(TestVideos.write(dir, "alice.mp4", video)).build());
        var collection = alice.collections().create(new io.sightline.api.CollectionRequest("private", null));
        MultipartUpload upload = alice.uploads().initiate(new InitiateMultipartRequest("a.mp4", "video/mp4", null, null, null, null, null));

        for (var call : List.<Runnable>of(
                () -> bob.videos().get(upload1.id()),
                () -> bob.videos().status(upload1.id()),
                () -> bob.videos().playback(upload1.id()),
                () -> bob.videos().delete(upload1.id()),
                () -> bob.folders().get(upload1.folderId()),
                () -> bob.collections().get(collection.id()),
                () -> bob.collections().addVideo(collection.id(), upload1.id()),
                () -> bob.uploads().listParts(upload.uploadId()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(PermissionDeniedException.class,
                    e -> assertThat(e.body()).doesNotContain("alice.mp4").doesNotContain(upload1.folderId() + "\"name"));
        }
        assertThat(bob.videos().list(io.sightline.sdk.VideoListParams.none()).items()).extracting(v -> v.id()).doesNotContain(upload1.id());
        assertThat(alice.videos().get(upload1.id()).name()).isEqualTo("alice.mp4");
    }

    @Test
    void post_whenJsonBodyIsOversizeOrMalformed_isRejected() throws Exception {
        assertError(raw.json("POST", "/v1/folders", "{\"name\":\"" + "x".repeat(200_000) + "\"}"), 413, "payload_too_large");
        assertError(raw.json("POST", "/v1/folders", "{\"name\": "), 400, "invalid_json");
        assertError(raw.json("POST", "/v1/folders", "[1,2,3]"), 400, "invalid_json");
        assertError(raw.json("POST", "/v1/folders", "{\"name\":\"a\",\"unknownField\":1}"), 400, "invalid_json");
    }

    @Test
    void multipart_whenPartUploadedTwice_keepsTheLatest() {
        MultipartUpload upload = client.uploads().initiate(new InitiateMultipartRequest("twice.mp4", "video/mp4", null, null, null, null, null));
        client.uploads().uploadPart(upload.uploadId(), 1, "first".getBytes());
        UploadPart second = client.uploads().uploadPart(upload.uploadId(), 1, video);
        assertThat(client.uploads().listParts(upload.uploadId())).containsExactly(second);
        var done = client.uploads().complete(upload.uploadId(), new CompleteMultipartRequest(List.of(new PartRef(1, second.sha256()))));
        assertThat(done.sizeBytes()).isEqualTo(video.length);
    }

    @Test
    void multipart_whenCompletingWithMissingPart_isRejectedAndUploadStaysOpen() {
        MultipartUpload upload = client.uploads().initiate(new InitiateMultipartRequest("gap.mp4", "video/mp4", null, null, null, null, null));
        UploadPart one = client.uploads().uploadPart(upload.uploadId(), 1, Arrays.copyOf(video, 100));
        assertThatThrownBy(() -> client.uploads().complete(upload.uploadId(),
                new CompleteMultipartRequest(List.of(new PartRef(1, one.sha256()), new PartRef(2, null)))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("missing_part"));
        assertThat(client.uploads().get(upload.uploadId()).state()).isEqualTo("open");
        assertThat(client.uploads().listParts(upload.uploadId())).containsExactly(one);
    }

    @Test
    void multipart_whenChecksumHeaderDisagrees_rejectsPartAndKeepsPrevious() throws Exception {
        MultipartUpload upload = client.uploads().initiate(new InitiateMultipartRequest("sum.mp4", "video/mp4", null, null, null, null, null));
        UploadPart good = client.uploads().uploadPart(upload.uploadId(), 1, video);
        HttpResponse<String> response = raw.send(raw.request("/v1/uploads/multipart/" + upload.uploadId() + "/parts/1")
                .header("X-Checksum-Sha256", "0".repeat(64)).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray("other".getBytes())));
        assertError(response, 400, "part_checksum_mismatch");
        assertThat(client.uploads().listParts(upload.uploadId())).containsExactly(good);
    }

    @Test
    void multipart_whenPartIsLargerThanThePartSize_isRejectedAsTooLarge() throws Exception {
        MultipartUpload upload = client.uploads().initiate(new InitiateMultipartRequest("big.mp4", "video/mp4", null, null, null, null, null));
        byte[] tooBig = new byte[(int) upload.partSize() + 1];
        HttpResponse<String> response = raw.send(raw.request("/v1/uploads/multipart/" + upload.uploadId() + "/parts/1")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tooBig)));
        assertError(response, 413, "payload_too_large");
        assertThat(client.uploads().listParts(upload.uploadId())).isEmpty();
    }

    @Test
    void multipart_whenSidecarNameMismatches_isRejectedAtInitiate() {
        assertThatThrownBy(() -> client.uploads().initiate(new InitiateMultipartRequest("dashcam.mp4", "video/mp4", null, null, null,
                new io.sightline.api.VideoMetadata(null, null, List.of()), "camera.json")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("sidecar_name_mismatch"));
    }

    private static int videoRows() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("sightline.db"));
             var rs = connection.createStatement().executeQuery("select count(*) from videos")) {
            return rs.getInt(1);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

}
