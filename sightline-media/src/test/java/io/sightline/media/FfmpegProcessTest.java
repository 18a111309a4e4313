package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a real ffmpeg: progress, failures, timeouts and interruption. */
class FfmpegProcessTest {

    private static final FfmpegBinaries binaries = FfmpegBinaries.locate();

    @TempDir
    Path dir;

    /** A command that runs in real time (-re) for {@code seconds}, writing progress as it goes. */
    private List<String> realTime(double seconds) {
        return List.of(binaries.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=" + seconds,
                "-progress", "pipe:1", "-nostats", "-stats_period", "0.1", "-f", "null", "-");
    }

    @Test
    void run_whenCommandProgresses_reportsIncreasingPercentagesEndingAt100OnTheCallingThread() {
        List<Integer> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        FfmpegProcess.run(binaries, realTime(1.5), 1.5, p -> {
            seen.add(p);
            threads.add(Thread.currentThread());
        }, Duration.ofMinutes(1));
        assertThat(seen).isSorted().doesNotHaveDuplicates().last().isEqualTo(100);
        assertThat(seen).anyMatch(p -> p > 0 && p < 100);
        assertThat(threads).containsOnly(caller);
    }

    @Test
    void run_whenSlowerThanTheTimeout_killsTheProcessAndSaysSo() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> FfmpegProcess.run(binaries, realTime(30), 30, p -> { }, Duration.ofMillis(500)))
                .isInstanceOf(MediaException.class).hasMessage("ffmpeg took longer than 500 ms and was stopped");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
    }

    @Test
    void run_whenThreadInterrupted_killsTheProcessAndKeepsTheInterruptFlag() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                FfmpegProcess.run(binaries, realTime(30), 30, p -> { }, Duration.ofMinutes(1));
            } catch (MediaException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        Thread.sleep(500);
        long before = ProcessHandle.current().children().count();
        worker.interrupt();
        worker.join(20_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(failure.get()).hasMessageContaining("interrupted");
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(before).isPositive();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThan(before);
    }

    @Test
    void run_whenListenerThrows_stopsTheProcessAndPassesTheFailureOn() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> FfmpegProcess.run(binaries, realTime(30), 30, p -> {
            if (p > 0) throw new IllegalStateException("cancelled by the job");
        }, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> done.get(20, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("cancelled by the job");
    }

    @Test
    void run_whenFfmpegFails_explainsWithItsOwnWords() {
        Path text = SyntheticVideo.textFile(dir.resolve("notes.mp4"));
        List<String> command = FfmpegCommands.remux(binaries.ffmpeg(), text, dir.resolve("out.mp4"));
        assertThatThrownBy(() -> FfmpegProcess.run(binaries, command, 10, p -> { }, Duration.ofMinutes(1)))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("invalid data found when processing input")
                .hasMessageContaining("(ffmpeg: ");
    }

    @Test
    void capture_whenCommandSucceeds_returnsStdout() {
        String out = FfmpegProcess.capture(binaries, List.of(binaries.ffmpeg().toString(), "-hide_banner", "-filters"), Duration.ofSeconds(30));
        assertThat(out).contains("showinfo", "drawtext", "tile");
    }
}
