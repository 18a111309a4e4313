package io.sightline.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sightline.api.Page;
import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import io.sightline.sdk.internal.Json;

import java.time.Instant;
import java.util.List;

/** Wire objects as the server documents them, and clients pointed at a {@link TestServer}. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    private Fixtures() {}

    static Sightline client(TestServer server, FakeTime time) {
        return Sightline.builder().apiKey("sk-test").baseUrl(server.url()).sleeper(time).clock(time.clock()).build();
    }

    static Video video(String id) {
        return new Video(id, id + ".mp4", "fld_1", "usr_1", VideoStatus.UPLOADED, 1234, "video/mp4", CREATED, CREATED, null, null);
    }

    static ProcessingStatus status(String videoId, StepState state, int percentage, StepState... steps) {
        String[] names = {"probe", "transcode", "hls", "thumbnails"};
        List<ProcessingStep> list = new java.util.ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            String error = steps[i] == StepState.FAILED ? "ffmpeg exited with 1: moov atom not found" : null;
            list.add(new ProcessingStep(names[i], steps[i], steps[i] == StepState.COMPLETED ? 100 : 0, error, 1, null, null));
        }
        return new ProcessingStatus(videoId, state, percentage, list, null);
    }

    static <T> Page<T> page(List<T> items, long total, int offset, int limit) {
        return new Page<>(items, total, offset, limit);
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static TestServer.Reply ok(Object value) {
        return TestServer.Reply.json(200, json(value));
    }
}
