package io.sightline.media;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one ffmpeg or ffprobe command: turns its {@code -progress} output into a percentage, keeps
 * the telling part of stderr for the error message, and kills the process on timeout, on thread
 * interruption or when the progress listener throws. Failures are {@link MediaException}s.
 */
public final class FfmpegProcess {

    private static final long POLL_MILLIS = 100;

    private FfmpegProcess() {}

    /**
     * Runs a command that writes {@code -progress} to stdout. The listener is called on the calling
     * thread with increasing percentages of {@code durationSeconds}, and with 100 on success.
     *
     * @return the error lines ffmpeg logged although it succeeded (e.g. about a damaged input)
     */
    public static List<String> run(FfmpegBinaries binaries, List<String> command, double durationSeconds,
                                   IntConsumer progress, Duration timeout) {
        ProgressParser parser = new ProgressParser(durationSeconds);
        AtomicInteger latest = new AtomicInteger(-1);
        Execution execution = execute(binaries, command, out -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    int percent = parser.accept(line);
                    if (percent >= 0) latest.set(percent);
                }
            }
        });
        int[] reported = {-1};
        IntConsumer report = percent -> {
            if (percent > reported[0]) {
                reported[0] = percent;
                progress.accept(percent);
            }
        };
        List<String> errors = execution.await(timeout, () -> report.accept(latest.get()));
        report.accept(100);
        return errors;
    }

    /** Runs a command and returns its stdout (e.g. ffprobe's JSON). */
    public static String capture(FfmpegBinaries binaries, List<String> command, Duration timeout) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        execute(binaries, command, out -> out.transferTo(stdout)).await(timeout, () -> { });
        return stdout.toString(StandardCharsets.UTF_8);
    }

    static Process start(FfmpegBinaries binaries, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(binaries.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // ffmpeg must never wait for keyboard input
            return process;
        } catch (IOException e) {
            throw new MediaException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Stops a process and whatever it started, and waits briefly for it to go. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String name(List<String> command) {
        String path = command.get(0);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private interface StdoutReader {
        void read(InputStream stdout) throws IOException;
    }

    private static Execution execute(FfmpegBinaries binaries, List<String> command, StdoutReader reader) {
        Process process = start(binaries, command);
        StderrLog stderr = StderrLog.drain(process.getErrorStream());
        Thread stdout = Thread.ofVirtual().name("ffmpeg-stdout").start(() -> {
            try (InputStream in = process.getInputStream()) {
                reader.read(in);
            } catch (IOException ignored) {
                // The process was stopped; the exit code tells what happened.
            }
        });
        return new Execution(command, process, stderr, stdout);
    }

    private record Execution(List<String> command, Process process, StderrLog stderr, Thread stdout) {

        /** Waits for the end, calling {@code tick} on this thread meanwhile; throws on failure. */
        List<String> await(Duration timeout, Runnable tick) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    tick.run();
                    if (System.nanoTime() - deadline > 0) {
                        kill(process);
                        throw new MediaException(name(command) + " took longer than " + describe(timeout) + " and was stopped");
                    }
                }
                stdout.join(5_000);
                stderr.awaitEnd();
                tick.run();
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new MediaException(name(command) + " was interrupted and stopped", e);
            } catch (RuntimeException e) {
                kill(process);
                throw e;
            }
            if (process.exitValue() != 0) {
                throw new MediaException(MediaErrors.explain(name(command), stderr.lines(), process.exitValue()));
            }
            return stderr.lines();
        }

        private static String describe(Duration timeout) {
            return timeout.toMillis() < 10_000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
        }
    }
}
