package io.sightline.sdk;

import io.sightline.api.ProcessingStatus;
import io.sightline.api.StepState;
import io.sightline.api.Video;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.sightline.api.StepState.COMPLETED;
import static io.sightline.api.StepState.FAILED;
import static io.sightline.api.StepState.IN_PROGRESS;
import static io.sightline.api.StepState.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WaitUntilProcessedTest {
    private TestServer server;
    private FakeTime time;
    private Sightline client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        time = new FakeTime();
        client = Fixtures.client(server, time);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void waitUntilProcessed_whenStepsComplete_returnsVideoAfterPollingWithGrowingDelay() {
        server.enqueue(
                Fixtures.ok(Fixtures.status("vid_1", StepState.PENDING, 0, PENDING, PENDING, PENDING, PENDING)),
                Fixtures.ok(Fixtures.status("vid_1", IN_PROGRESS, 50, COMPLETED, IN_PROGRESS, PENDING, PENDING)),
                Fixtures.ok(Fixtures.status("vid_1", COMPLETED, 100, COMPLETED, COMPLETED, COMPLETED, COMPLETED)),
                Fixtures.ok(Fixtures.video("vid_1")));
        List<Integer> seen = new ArrayList<>();

        Video video = client.videos().waitUntilProcessed("vid_1", Duration.ofMinutes(5), status -> seen.add(status.percentage()));

        assertThat(video.id()).isEqualTo("vid_1");
        assertThat(seen).containsExactly(0, 50, 100);
        // half-way after half a second predicts the end half a second later: the second wait is not the grown 750 ms
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(server.requests()).extracting(TestServer.Recorded::path)
                .containsExactly("/v1/videos/vid_1/status", "/v1/videos/vid_1/status", "/v1/videos/vid_1/status", "/v1/videos/vid_1");
    }

    @Test
    void waitUntilProcessed_whenProgressIsSteady_seesTheEndWithinASecondInsteadOfAtTheNextLongPoll() {
        // done after 46 s of the fake clock: polls growing to every 5 s alone would see it at 50.4 s
        server.handle(request -> {
            if (!request.path().endsWith("/status")) return Fixtures.ok(Fixtures.video("vid_1"));
            int percentage = (int) Math.min(100, time.slept().toMillis() * 100 / 46_000);
            StepState state = percentage >= 100 ? COMPLETED : IN_PROGRESS;
            return Fixtures.ok(Fixtures.status("vid_1", state, percentage, state));
        });

        client.videos().waitUntilProcessed("vid_1", Duration.ofMinutes(5));

        assertThat(time.slept()).isBetween(Duration.ofSeconds(46), Duration.ofSeconds(47));
        assertThat(time.sleeps()).hasSizeLessThan(40).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(time.sleeps()).contains(Duration.ofSeconds(5));
    }

    @Test
    void waitUntilProcessed_whenAStepFails_throwsWithTheStepAndItsError() {
        server.enqueue(Fixtures.ok(Fixtures.status("vid_1", FAILED, 25, COMPLETED, FAILED, PENDING, PENDING)));

        ProcessingFailedException e = catchThrowableOfType(ProcessingFailedException.class,
                () -> client.videos().waitUntilProcessed("vid_1", Duration.ofMinutes(5)));

        assertThat(e.getMessage()).isEqualTo("processing of video vid_1 failed at step 'transcode': ffmpeg exited with 1: moov atom not found");
        assertThat(e.status().steps().get(1).state()).isEqualTo(FAILED);
    }

    @Test
    void waitUntilProcessed_whenNeverDone_timesOutAtTheDeadlineWithLastStatus() {
        server.handle(request -> Fixtures.ok(Fixtures.status("vid_1", IN_PROGRESS, 40, COMPLETED, IN_PROGRESS, PENDING, PENDING)));

        ProcessingTimeoutException e = catchThrowableOfType(ProcessingTimeoutException.class,
                () -> client.videos().waitUntilProcessed("vid_1", Duration.ofSeconds(3)));

        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(3));
        ProcessingStatus last = e.lastStatus();
        assertThat(last.percentage()).isEqualTo(40);
        assertThat(e.getMessage()).contains("vid_1").contains("in_progress at 40%");
    }

    @Test
    void waitUntilProcessed_whenPollingLong_delayStopsGrowingAtFiveSeconds() {
        server.handle(request -> Fixtures.ok(Fixtures.status("vid_1", IN_PROGRESS, 40, IN_PROGRESS)));

        catchThrowableOfType(ProcessingTimeoutException.class,
                () -> client.videos().waitUntilProcessed("vid_1", Duration.ofMinutes(2)));

        assertThat(time.sleeps()).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(time.sleeps()).contains(Duration.ofSeconds(5));
    }
}
