package io.sightline.sdk;

import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.Scope;
import io.sightline.api.Video;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.sightline.sdk.TestServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UploadTest {
    private static final int PART_SIZE = 256 * 1024;
    private static final String SIDECAR = "{\"description\":\"morning drive\",\"properties\":{\"camera\":\"front\"}}";

    @TempDir
    Path dir;
    private TestServer server;
    private FakeUploadServer uploads;
    private Sightline client;
    private final List<long[]> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        uploads = new FakeUploadServer(PART_SIZE);
        server.handle(uploads);
        client = Fixtures.client(server, new FakeTime());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void upload_whenBelowThreshold_sendsOneFormWithFieldsThenFileThenSidecar() throws IOException {
        Path file = randomFile("dashcam.mp4", 300_001);
        Path sidecar = Files.writeString(dir.resolve("dashcam.json"), SIDECAR);

        Video video = client.uploads().upload(UploadParams.builder(file).folder("cams", Scope.ORG).name("Morning")
                .metadata(sidecar).progress(this::record).build());

        assertThat(video.id()).isEqualTo("vid_direct");
        List<FormData.Part> form = uploads.directForm;
        assertThat(form).extracting(FormData.Part::name).containsExactly("folder", "scope", "name", "file", "metadata");
        assertThat(form.get(0).text()).isEqualTo("cams");
        assertThat(form.get(1).text()).isEqualTo("org");
        assertThat(form.get(2).text()).isEqualTo("Morning");
        assertThat(form.get(3).filename()).isEqualTo("dashcam.mp4");
        assertThat(form.get(3).contentType()).isEqualTo("video/mp4");
        assertThat(form.get(3).data()).isEqualTo(Files.readAllBytes(file));
        assertThat(form.get(4).filename()).isEqualTo("dashcam.json");
        assertThat(form.get(4).contentType()).isEqualTo("application/json");
        assertThat(form.get(4).text()).isEqualTo(SIDECAR);
        assertThat(server.requests().getFirst().header("Transfer-Encoding")).as("a fixed length, not chunked").isNull();
        assertThat(Long.parseLong(uploads.directContentLength)).isEqualTo(server.requests().getFirst().body().length);
        assertProgressEndsAt(300_001);
    }

    @Test
    void upload_withFolderId_sendsOnlyFolderIdAndFile() throws IOException {
        Path file = randomFile("clip.mov", 1000);

        client.uploads().upload(UploadParams.builder(file).folderId("fld_7").build());

        assertThat(uploads.directForm).extracting(FormData.Part::name).containsExactly("folderId", "file");
        assertThat(uploads.directForm.get(1).contentType()).isEqualTo("video/quicktime");
    }

    @Test
    void builder_whenFolderIdAndFolderName_refuses() {
        assertThatThrownBy(() -> UploadParams.builder(dir.resolve("a.mp4")).folderId("fld_1").folder("cams").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upload_whenServerRejectsDirectUpload_doesNotSendTheFileAgain() throws IOException {
        Path file = randomFile("broken.mp4", 5000);
        server.enqueue(Reply.error(503, "internal", "disk full"));

        assertThatThrownBy(() -> client.uploads().upload(UploadParams.builder(file).build()))
                .isInstanceOf(InternalServerException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void upload_whenAboveThreshold_sendsPartsInParallelWithChecksumsAndCompletes() throws IOException {
        Path file = randomFile("drive.mp4", 10L * PART_SIZE + 1000);
        uploads.gate = new CountDownLatch(4);

        Video video = client.uploads().upload(UploadParams.builder(file).folder("cams", Scope.USER)
                .multipartThreshold(1024 * 1024).progress(this::record).build());

        assertThat(video.id()).isEqualTo("vid_upl_1");
        InitiateMultipartRequest initiate = uploads.initiated.getFirst();
        assertThat(initiate.filename()).isEqualTo("drive.mp4");
        assertThat(initiate.contentType()).isEqualTo("video/mp4");
        assertThat(initiate.folder()).isEqualTo("cams");
        assertThat(initiate.scope()).isEqualTo(Scope.USER);
        assertThat(uploads.maxInFlight.get()).as("four parts at once").isEqualTo(4);
        assertThat(uploads.partsReceived).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 11).boxed().toList());
        assertThat(uploads.assembled).isEqualTo(Files.readAllBytes(file));
        assertProgressEndsAt(10L * PART_SIZE + 1000);
    }

    @Test
    void upload_whenParallelismIsOne_sendsOnePartAtATime() throws IOException {
        Path file = randomFile("drive.mp4", 3L * PART_SIZE);

        client.uploads().upload(UploadParams.builder(file).multipartThreshold(0).parallelism(1).build());

        assertThat(uploads.maxInFlight.get()).isEqualTo(1);
        assertThat(uploads.partsReceived).containsExactly(1, 2, 3);
    }

    @Test
    void upload_whenMultipartWithSidecar_sendsParsedMetadataInInitiate() throws IOException {
        Path file = randomFile("dashcam.mp4", 2L * PART_SIZE);
        Path sidecar = Files.writeString(dir.resolve("dashcam.json"), SIDECAR);

        client.uploads().upload(UploadParams.builder(file).metadata(sidecar).multipartThreshold(0).build());

        InitiateMultipartRequest initiate = uploads.initiated.getFirst();
        assertThat(initiate.metadataFilename()).isEqualTo("dashcam.json");
        assertThat(initiate.metadata().description()).isEqualTo("morning drive");
        assertThat(initiate.metadata().properties()).containsEntry("camera", "front");
    }

    @Test
    void upload_whenMultipartSidecarHasUnknownField_refusesBeforeSending() throws IOException {
        Path file = randomFile("dashcam.mp4", 2L * PART_SIZE);
        Path sidecar = Files.writeString(dir.resolve("dashcam.json"), "{\"descripton\":\"typo\"}");

        assertThatThrownBy(() -> client.uploads().upload(UploadParams.builder(file).metadata(sidecar).multipartThreshold(0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("descripton");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void upload_whenAPartKeepsFailing_abortsTheUploadAndThrowsTheFailure() throws IOException {
        Path file = randomFile("drive.mp4", 6L * PART_SIZE);
        uploads.partInterceptor = number -> number == 3 ? Reply.error(500, "internal", "disk error") : null;

        assertThatThrownBy(() -> client.uploads().upload(UploadParams.builder(file).multipartThreshold(0).build()))
                .isInstanceOf(InternalServerException.class).hasMessageContaining("disk error");

        assertThat(uploads.aborted).containsExactly("upl_1");
        assertThat(uploads.partsReceived.stream().filter(n -> n == 3)).as("PUT is retried").hasSize(3);
    }

    @Test
    void resume_afterKeptFailure_sendsOnlyMissingAndMismatchedPartsThenCompletes() throws IOException {
        Path file = randomFile("drive.mp4", 8L * PART_SIZE + 17);
        // One part at a time and every part from 3 on refused: parts 1 and 2 are stored, whatever the timing.
        uploads.partInterceptor = number -> number >= 3 ? Reply.error(422, "unprocessable", "no") : null;

        IncompleteUploadException kept = catchThrowableOfType(IncompleteUploadException.class, () -> client.uploads()
                .upload(UploadParams.builder(file).multipartThreshold(0).parallelism(1).keepOnFailure(true).build()));

        assertThat(kept.uploadId()).isEqualTo("upl_1");
        assertThat(kept.getCause()).isInstanceOf(UnprocessableEntityException.class);
        assertThat(uploads.aborted).isEmpty();
        assertThat(uploads.parts.get("upl_1").keySet()).containsExactlyInAnyOrder(1, 2);
        uploads.partInterceptor = number -> null;
        uploads.storePart("upl_1", 1, "not the first part".getBytes(StandardCharsets.UTF_8));
        uploads.partsReceived.clear();

        Video video = client.uploads().resume("upl_1", file, this::record);

        assertThat(video.id()).isEqualTo("vid_upl_1");
        assertThat(uploads.partsReceived).as("all but part 2, which the server holds intact")
                .containsExactlyInAnyOrder(1, 3, 4, 5, 6, 7, 8, 9);
        assertThat(uploads.assembled).isEqualTo(Files.readAllBytes(file));
        assertProgressEndsAt(8L * PART_SIZE + 17);
    }

    @Test
    void resume_whenServerStillFails_keepsTheUploadForAnotherResume() throws IOException {
        Path file = randomFile("drive.mp4", 3L * PART_SIZE);
        uploads.partInterceptor = number -> Reply.error(403, "forbidden", "no");

        IncompleteUploadException first = catchThrowableOfType(IncompleteUploadException.class, () -> client.uploads()
                .upload(UploadParams.builder(file).multipartThreshold(0).keepOnFailure(true).build()));
        IncompleteUploadException again = catchThrowableOfType(IncompleteUploadException.class,
                () -> client.uploads().resume(first.uploadId(), file, UploadProgress.none()));

        assertThat(again.uploadId()).isEqualTo("upl_1");
        assertThat(uploads.aborted).isEmpty();
    }

    @Test
    void upload_whenServerSaysPartArrivedDamaged_sendsThatPartAgain() throws IOException {
        Path file = randomFile("drive.mp4", 3L * PART_SIZE);
        List<Integer> damagedOnce = Collections.synchronizedList(new ArrayList<>());
        uploads.partInterceptor = number -> number == 2 && damagedOnce.isEmpty() && damagedOnce.add(number)
                ? Reply.error(400, "part_checksum_mismatch", "part 2 arrived damaged") : null;

        client.uploads().upload(UploadParams.builder(file).multipartThreshold(0).build());

        assertThat(uploads.partsReceived.stream().filter(n -> n == 2)).hasSize(2);
        assertThat(uploads.assembled).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void lowLevelCalls_whenDrivenByHand_completeAnUpload() {
        var upload = client.uploads().initiate(new InitiateMultipartRequest("a.mp4", "video/mp4", null, null, null, null, null));
        byte[] first = new byte[PART_SIZE];
        new Random(1).nextBytes(first);
        byte[] second = "tail".getBytes(StandardCharsets.UTF_8);

        client.uploads().uploadPart(upload.uploadId(), 1, first);
        client.uploads().uploadPart(upload.uploadId(), 2, second);
        var parts = client.uploads().listParts(upload.uploadId());
        Video video = client.uploads().complete(upload.uploadId(), new io.sightline.api.CompleteMultipartRequest(parts.stream()
                .map(part -> new io.sightline.api.CompleteMultipartRequest.PartRef(part.partNumber(), part.sha256())).toList()));

        assertThat(parts).extracting(part -> part.size()).containsExactly((long) PART_SIZE, 4L);
        assertThat(video.sizeBytes()).isEqualTo(PART_SIZE + 4);
        client.uploads().abort(upload.uploadId());
        assertThat(uploads.aborted).containsExactly(upload.uploadId());
    }

    private void record(long sent, long total) {
        progress.add(new long[] {sent, total});
    }

    private void assertProgressEndsAt(long size) {
        List<Long> sent = progress.stream().map(update -> update[0]).collect(Collectors.toList());
        assertThat(sent).isSorted();
        assertThat(sent.size()).isGreaterThan(2);
        assertThat(progress.getLast()).containsExactly(size, size);
    }

    private Path randomFile(String name, long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }
}
