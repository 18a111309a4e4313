package io.sightline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.sdk.TestServer;
import io.sightline.sdk.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI run in-process, as {@link SightlineCli#run} allows, against a loopback server scripted per test. */
class CommandsTest {
    private static final String VIDEO = """
            {"id":"vid_1","name":"dashcam.mp4","folderId":"fld_1","ownerId":"usr_1","status":"processed",
             "sizeBytes":12345678,"contentType":"video/mp4","createdAt":"2025-03-01T10:00:00Z","updatedAt":"2025-03-01T10:05:00Z",
             "media":{"container":"mp4","durationSeconds":62.5,"width":1920,"height":1080,"fps":30.0,"videoCodec":"h264",
                      "audioCodec":"aac","rotation":0,"variableFrameRate":false,"bitRate":1500000},
             "metadata":{"description":"morning drive","properties":{"camera":"front"},
                         "fields":[{"name":"speed","type":"number","unit":"km/h","values":[{"t":0,"value":42}]}]}}""";

    @TempDir
    Path dir;
    private TestServer server;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        env.put("SIGHTLINE_API_KEY", "sk-cli");
        env.put("SIGHTLINE_URL", server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void run_withoutCommand_printsUsageAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Usage: sightline").contains("upload").contains("collections");
    }

    @Test
    void run_withoutApiKey_explainsWhereTheAdminKeyIsAndExitsTwo() {
        env.remove("SIGHTLINE_API_KEY");

        assertThat(run("videos", "list")).isEqualTo(2);
        assertThat(err()).contains("SIGHTLINE_API_KEY").contains("the admin key is in DATA_DIR/admin.key".substring(4));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void run_withKeyAndUrlOptionsAfterSubcommand_overridesEnvironment() {
        env.put("SIGHTLINE_URL", "http://127.0.0.1:1");
        server.enqueue(Reply.json(200, "{\"items\":[],\"total\":0,\"offset\":0,\"limit\":20}"));

        assertThat(run("videos", "list", "--api-key", "sk-option", "--url", server.url())).isZero();
        assertThat(server.requests().getFirst().header("X-API-Key")).isEqualTo("sk-option");
    }

    @Test
    void videosList_withFilters_printsTableAndPageFooter() {
        server.enqueue(Reply.json(200, "{\"items\":[" + VIDEO + "],\"total\":57,\"offset\":0,\"limit\":1}"));

        assertThat(run("videos", "list", "--status", "processed", "--folder-id", "fld_1", "--limit", "1")).isZero();

        assertThat(server.requests().getFirst().query()).containsEntry("status", "processed").containsEntry("folderId", "fld_1")
                .containsEntry("limit", "1").containsEntry("sort", "created_at").containsEntry("order", "desc");
        assertThat(out().lines().toList()).containsExactly(
                "ID     NAME         STATUS        SIZE  DURATION  CREATED",
                "vid_1  dashcam.mp4  processed  12.3 MB      1:02  2025-03-01 10:00:00Z");
        assertThat(err()).contains("1-1 of 57 videos; next page: --offset 1");
    }

    @Test
    void videosList_withUnknownStatus_isAUsageError() {
        assertThat(run("videos", "list", "--status", "done")).isEqualTo(2);
        assertThat(err()).contains("status must be one of uploaded, processing, processed, failed");
    }

    @Test
    void videosGet_byDefault_printsLabelledFields() {
        server.enqueue(Reply.json(200, VIDEO));

        assertThat(run("videos", "get", "vid_1")).isZero();

        assertThat(out()).contains("status    processed").contains("size      12.3 MB (12345678 bytes)")
                .contains("media     1920x1080  h264/aac  30.00 fps  1:02  mp4")
                .contains("metadata  \"morning drive\"; camera=front; fields: speed (number, km/h)");
    }

    @Test
    void videosGet_withJson_printsTheRecordAsJson() throws IOException {
        server.enqueue(Reply.json(200, VIDEO));

        assertThat(run("videos", "get", "vid_1", "--json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("id").asText()).isEqualTo("vid_1");
        assertThat(json.get("createdAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(json.at("/media/width").asInt()).isEqualTo(1920);
    }

    @Test
    void videosGet_whenServerSaysNotFound_printsMessageAndRequestIdAndExitsOne() {
        server.enqueue(Reply.error(404, "not_found", "video vid_9 not found").withHeader("X-Request-Id", "req-123"));

        assertThat(run("videos", "get", "vid_9")).isEqualTo(1);
        assertThat(err()).contains("error: video vid_9 not found (404 not_found, request id req-123)");
    }

    @Test
    void videosGet_whenKeyRejected_pointsAtTheKey() {
        server.enqueue(Reply.error(401, "unauthorized", "invalid API key"));

        assertThat(run("videos", "get", "vid_1")).isEqualTo(1);
        assertThat(err()).contains("invalid API key").contains("DATA_DIR/admin.key");
    }

    @Test
    void videosDelete_sendsDelete() {
        server.enqueue(Reply.empty(204));

        assertThat(run("videos", "delete", "vid_1")).isZero();
        assertThat(server.requests().getFirst().target()).isEqualTo("DELETE /v1/videos/vid_1");
    }

    @Test
    void upload_smallFile_printsIdAndPlainProgressEveryTenth() throws IOException {
        Path file = Files.write(dir.resolve("dashcam.mp4"), new byte[200_000]);
        server.enqueue(Reply.json(202, VIDEO));

        assertThat(run("upload", file.toString(), "--folder", "cams", "--scope", "org")).isZero();

        assertThat(out()).isEqualTo("vid_1\n");
        assertThat(err().lines().toList()).first().isEqualTo("dashcam.mp4: 0% (0 B of 200.0 kB)");
        assertThat(err()).endsWith("dashcam.mp4: 100% (200.0 kB of 200.0 kB)\n");
        String body = new String(server.requests().getFirst().body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"folder\"\r\n\r\ncams\r\n").contains("name=\"scope\"\r\n\r\norg\r\n");
    }

    @Test
    void upload_withWait_followsStepsUntilProcessed() throws IOException {
        Path file = Files.write(dir.resolve("dashcam.mp4"), new byte[1000]);
        server.enqueue(Reply.json(202, VIDEO), Reply.json(200, """
                {"videoId":"vid_1","state":"completed","percentage":100,"steps":[
                 {"name":"probe","state":"completed","percentage":100,"attempts":1},
                 {"name":"transcode","state":"completed","percentage":100,"attempts":1}]}"""), Reply.json(200, VIDEO));

        assertThat(run("upload", file.toString(), "--wait")).isZero();

        assertThat(err()).contains("dashcam.mp4: processed 100%  probe done | transcode done");
    }

    @Test
    void upload_withWaitWhenProcessingFails_exitsOneWithTheStepError() throws IOException {
        Path file = Files.write(dir.resolve("dashcam.mp4"), new byte[1000]);
        server.enqueue(Reply.json(202, VIDEO), Reply.json(200, """
                {"videoId":"vid_1","state":"failed","percentage":50,"steps":[
                 {"name":"probe","state":"completed","percentage":100,"attempts":1},
                 {"name":"transcode","state":"failed","percentage":0,"error":"moov atom not found","attempts":3}]}"""));

        assertThat(run("upload", file.toString(), "--wait")).isEqualTo(1);

        assertThat(out()).isEqualTo("vid_1\n");
        assertThat(err()).contains("failed at step 'transcode': moov atom not found");
    }

    @Test
    void upload_whenServerRejectsOneOfTwoFiles_uploadsTheOtherAndExitsOne() throws IOException {
        Path bad = Files.write(dir.resolve("notes.mp4"), new byte[10]);
        Path good = Files.write(dir.resolve("dashcam.mp4"), new byte[10]);
        server.enqueue(Reply.error(422, "not_a_video", "'notes.mp4' is not a video Sightline can read"), Reply.json(202, VIDEO));

        assertThat(run("upload", bad.toString(), good.toString())).isEqualTo(1);

        assertThat(out()).isEqualTo("vid_1\n");
        assertThat(err()).contains("is not a video Sightline can read (422 not_a_video");
    }

    @Test
    void upload_withNameForSeveralFiles_isAUsageError() throws IOException {
        Path a = Files.write(dir.resolve("a.mp4"), new byte[10]);
        Path b = Files.write(dir.resolve("b.mp4"), new byte[10]);

        assertThat(run("upload", a.toString(), b.toString(), "--name", "x")).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void upload_whenFileMissing_isAUsageErrorBeforeAnyRequest() {
        assertThat(run("upload", dir.resolve("missing.mp4").toString())).isEqualTo(2);
        assertThat(err()).contains("no such file");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void status_once_printsStepTable() {
        server.enqueue(Reply.json(200, """
                {"videoId":"vid_1","state":"in_progress","percentage":60,"steps":[
                 {"name":"probe","state":"completed","percentage":100,"attempts":1},
                 {"name":"transcode","state":"in_progress","percentage":20,"attempts":1}]}"""));

        assertThat(run("status", "vid_1")).isZero();

        assertThat(out()).startsWith("video vid_1: processing 60%\n").contains("transcode  in_progress       20%");
    }

    @Test
    void statusWatch_whenAlreadyFailed_stopsAndExitsOne() {
        server.enqueue(Reply.json(200, """
                {"videoId":"vid_1","state":"failed","percentage":50,"error":"moov atom not found","steps":[
                 {"name":"probe","state":"failed","percentage":0,"error":"moov atom not found","attempts":3}]}"""));

        assertThat(run("status", "vid_1", "--watch")).isEqualTo(1);
        assertThat(err()).contains("processing failed: moov atom not found");
    }

    @Test
    void foldersCreate_withOrgScope_sendsRequestAndPrintsId() {
        server.enqueue(Reply.json(201, "{\"id\":\"fld_9\",\"name\":\"cams\",\"scope\":\"org\",\"ownerId\":\"org_1\",\"videoCount\":0}"));

        assertThat(run("folders", "create", "cams", "--scope", "org")).isZero();

        assertThat(out()).isEqualTo("fld_9\n");
        assertThat(server.requests().getFirst().bodyText()).isEqualTo("{\"name\":\"cams\",\"scope\":\"org\"}");
    }

    @Test
    void foldersList_printsTable() {
        server.enqueue(Reply.json(200, """
                {"items":[{"id":"fld_1","name":"Personal","scope":"user","ownerId":"usr_1","videoCount":3,
                "createdAt":"2025-03-01T10:00:00Z"}],"total":1,"offset":0,"limit":100}"""));

        assertThat(run("folders", "list", "--scope", "user")).isZero();

        assertThat(out()).contains("fld_1  Personal  user        3  2025-03-01 10:00:00Z");
        assertThat(server.requests().getFirst().query()).containsEntry("scope", "user");
    }

    @Test
    void collectionsAdd_whenOneVideoIsAlreadyIn_saysSoAndSucceeds() {
        server.enqueue(Reply.empty(204), Reply.error(409, "conflict", "already in the collection"));

        assertThat(run("collections", "add", "col_1", "vid_1", "vid_2")).isZero();

        assertThat(server.requests()).extracting(TestServer.Recorded::bodyText)
                .containsExactly("{\"videoId\":\"vid_1\"}", "{\"videoId\":\"vid_2\"}");
        assertThat(err()).contains("vid_2 is already in col_1");
    }

    @Test
    void collectionsRemove_sendsOneDeletePerVideo() {
        server.enqueue(Reply.empty(204));

        assertThat(run("collections", "remove", "col_1", "vid_1")).isZero();
        assertThat(server.requests().getFirst().target()).isEqualTo("DELETE /v1/collections/col_1/videos/vid_1");
    }

    @Test
    void collectionsCreate_withDescription_printsId() {
        server.enqueue(Reply.json(201, "{\"id\":\"col_3\",\"name\":\"near misses\",\"description\":\"d\",\"videoCount\":0}"));

        assertThat(run("collections", "create", "near misses", "--description", "d")).isZero();
        assertThat(out()).isEqualTo("col_3\n");
    }

    @Test
    void run_whenServerUnreachable_saysHowToStartItAndExitsOne() {
        env.put("SIGHTLINE_URL", "http://127.0.0.1:1");

        assertThat(run("videos", "list")).isEqualTo(1);
        assertThat(err()).contains("cannot reach the Sightline server at http://127.0.0.1:1").contains("sightline serve");
    }

    private int run(String... args) {
        return SightlineCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
