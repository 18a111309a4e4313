package io.sightline.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs one ffmpeg or ffprobe command: parses {@code -progress} output into a percentage, keeps the
 * end of stderr for the error message, and kills the process on timeout or interruption.
 */
public final class FfmpegProcess {

    private static final int STDERR_LINES = 12;

    private FfmpegProcess() {}

    /** Runs a command that prints progress on stdout; {@code progress} gets 0-100 against {@code durationSeconds}. */
    public static void run(FfmpegBinaries binaries, List<String> command, double durationSeconds, IntConsumer progress, Duration timeout) {
        Process process = start(binaries, command);
        StderrTail stderr = StderrTail.drain(process.getErrorStream());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int last = -1;
            for (String line; (line = out.readLine()) != null; ) {
                int percent = percentOf(line, durationSeconds);
                if (percent > last) {
                    last = percent;
                    progress.accept(percent);
                }
            }
            finish(process, stderr, command, timeout);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new MediaException("could not read from ffmpeg: " + e.getMessage(), e);
        }
    }

    /** Runs a command and returns its stdout (e.g. ffprobe's JSON). */
    public static String capture(FfmpegBinaries binaries, List<String> command, Duration timeout) {
        Process process = start(binaries, command);
        StderrTail stderr = StderrTail.drain(process.getErrorStream());
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            finish(process, stderr, command, timeout);
            return text;
        } catch (IOException e) {
            process.destroyForcibly();
            throw new MediaException("could not read from " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Percentage of {@code durationSeconds} done, from one {@code -progress} line, or -1. */
    static int percentOf(String line, double durationSeconds) {
        if (durationSeconds <= 0) return line.equals("progress=end") ? 100 : -1;
        if (line.equals("progress=end")) return 100;
        if (!line.startsWith("out_time_us=") && !line.startsWith("out_time_ms=")) return -1;
        try {
            // Despite its name, out_time_ms is in microseconds too.
            long micros = Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
            if (micros < 0) return -1;
            return (int) Math.min(100, Math.round(micros / 1e6 / durationSeconds * 100));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Process start(FfmpegBinaries binaries, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(binaries.environment());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new MediaException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static void finish(Process process, StderrTail stderr, List<String> command, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new MediaException(name(command) + " took longer than " + timeout.toSeconds() + " s and was stopped");
            }
            stderr.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaException(name(command) + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            String reason = stderr.text();
            throw new MediaException(name(command) + " failed: " + (reason.isBlank() ? "exit code " + process.exitValue() : reason));
        }
    }

    private static String name(List<String> command) {
        String path = command.get(0);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The last lines of stderr, read on a thread of its own so the process never blocks on a full pipe. */
    static final class StderrTail {
        private final Deque<String> lines = new ArrayDeque<>();
        private final Thread reader;

        private StderrTail(InputStream in, java.util.function.Consumer<String> each) {
            reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = err.readLine()) != null; ) {
                        each.accept(line);
                        synchronized (lines) {
                            lines.addLast(line.strip());
                            if (lines.size() > STDERR_LINES) lines.removeFirst();
                        }
                    }
                } catch (IOException ignored) {
                    // The process ended; what was read is what there is.
                }
            });
        }

        static StderrTail drain(InputStream in) {
            return new StderrTail(in, line -> { });
        }

        static StderrTail drain(InputStream in, java.util.function.Consumer<String> each) {
            return new StderrTail(in, each);
        }

        void join() throws InterruptedException {
            reader.join(5_000);
        }

        String text() {
            synchronized (lines) {
                return String.join("; ", lines.stream().filter(l -> !l.isBlank()).toList());
            }
        }
    }
}
