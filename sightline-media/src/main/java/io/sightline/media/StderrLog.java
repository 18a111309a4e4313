package io.sightline.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A process's stderr, read on a thread of its own so the process never blocks on a full pipe.
 * Keeps the first few lines worth keeping (usually the cause) and the last few (usually the
 * consequence), never the whole log.
 */
final class StderrLog {

    private static final int FIRST_LINES = 4;
    private static final int LAST_LINES = 8;

    private final List<String> first = new ArrayList<>();
    private final Deque<String> last = new ArrayDeque<>();
    private final Thread reader;
    private boolean dropped;

    private StderrLog(InputStream in, Predicate<String> keep, Consumer<String> each) {
        reader = Thread.ofVirtual().name("ffmpeg-stderr").start(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    each.accept(line);
                    String kept = line.strip();
                    if (!kept.isEmpty() && keep.test(kept)) remember(kept);
                }
            } catch (IOException ignored) {
                // The process was stopped; what was read is what there is.
            }
        });
    }

    /** Reads every line, keeping all non-blank ones. */
    static StderrLog drain(InputStream in) {
        return new StderrLog(in, line -> true, line -> { });
    }

    /** Reads every line, handing each to {@code each}, and keeps those {@code keep} accepts. */
    static StderrLog drain(InputStream in, Predicate<String> keep, Consumer<String> each) {
        return new StderrLog(in, keep, each);
    }

    private synchronized void remember(String line) {
        if (first.size() < FIRST_LINES) {
            if (!first.contains(line)) first.add(line);
            return;
        }
        if (last.contains(line)) return;
        last.addLast(line);
        if (last.size() > LAST_LINES) {
            last.removeFirst();
            dropped = true;
        }
    }

    /** Waits (bounded) until the process closed stderr, so the lines are complete. */
    void awaitEnd() throws InterruptedException {
        reader.join(5_000);
    }

    /** The kept lines, first ones then last ones. */
    synchronized List<String> lines() {
        List<String> all = new ArrayList<>(first);
        if (dropped) all.add("…");
        all.addAll(last);
        return List.copyOf(all);
    }
}
