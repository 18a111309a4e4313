package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.api.CompleteMultipartRequest;
import io.sightline.api.CompleteMultipartRequest.PartRef;
import io.sightline.api.InitiateMultipartRequest;
import io.sightline.api.MultipartUpload;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.api.UploadPart;
import io.sightline.api.Video;
import io.sightline.media.SyntheticVideo;
import io.sightline.sdk.Sightline;
import io.sightline.sdk.UploadParams;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a real server process mid-job loses no upload and redoes no finished work. */
class CrashRecoveryTest {

    @Test
    void killDuringTranscode_resumesAfterRestartWithoutRedoingFinishedSteps(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path clip = SyntheticVideo.builder().duration(40).size(640, 360).fps(25).codec(SyntheticVideo.Codec.MPEG4_AVI)
                .build().writeTo(dir.resolve("long.avi"));
        byte[] bytes = Files.readAllBytes(clip);
        int port = freePort();

        Process first = startServer(data, port, dir.resolve("first.log"));
        Video video;
        MultipartUpload upload;
        UploadPart partOne;
        try (Sightline client = client(data, port)) {
            video = client.uploads().upload(UploadParams.builder(clip).build());
            upload = client.uploads().initiate(new InitiateMultipartRequest("resumed.avi", "video/x-msvideo", null, null, null, null, null));
            partOne = client.uploads().uploadPart(upload.uploadId(), 1, Arrays.copyOf(bytes, bytes.length / 2));
            awaitStep(client, video.id(), "transcode", StepState.IN_PROGRESS);
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = startServer(data, port, dir.resolve("second.log"));
        try (Sightline client = client(data, port)) {
            Video processed = client.videos().waitUntilProcessed(video.id(), Duration.ofMinutes(3));
            Map<String, ProcessingStep> steps = client.videos().status(processed.id()).steps().stream()
                    .collect(Collectors.toMap(ProcessingStep::name, Function.identity()));
            assertThat(steps.get("probe").attempts()).as("finished before the crash, not redone").isEqualTo(1);
            assertThat(steps.get("transcode").attempts()).as("interrupted, then resumed").isEqualTo(2);
            assertThat(steps.values()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.COMPLETED));

            assertThat(client.uploads().listParts(upload.uploadId())).containsExactly(partOne);
            UploadPart partTwo = client.uploads().uploadPart(upload.uploadId(), 2, Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length));
            Video resumed = client.uploads().complete(upload.uploadId(), new CompleteMultipartRequest(
                    List.of(new PartRef(1, partOne.sha256()), new PartRef(2, partTwo.sha256()))));
            assertThat(resumed.sizeBytes()).isEqualTo(bytes.length);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static void awaitStep(Sightline client, String videoId, String name, StepState state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            boolean reached = client.videos().status(videoId).steps().stream().anyMatch(s -> s.name().equals(name) && s.state() == state);
            if (reached) return;
            Thread.sleep(50);
        }
        throw new AssertionError("step " + name + " never reached " + state);
    }

    private static Process startServer(Path data, int port, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(data.resolve("admin.key"))) {
                try (var socket = new java.net.Socket("127.0.0.1", port)) {
                    return process;
                } catch (java.io.IOException notYet) {
                    // still starting
                }
            }
            if (!process.isAlive()) throw new AssertionError("server exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    private static Sightline client(Path data, int port) throws Exception {
        return Sightline.builder().apiKey(Files.readString(data.resolve("admin.key")).strip()).baseUrl("http://127.0.0.1:" + port).build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
