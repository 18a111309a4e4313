package io.sightline.sdk.internal;

import io.sightline.sdk.UploadProgress;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Adds up the bytes sent by parts going up in parallel and tells the caller's listener, one call at
 * a time and never going backwards (a part that is sent again starts from zero, but the total
 * shown holds until the retry passes it).
 */
public final class ProgressTracker {
    private final long total;
    private final UploadProgress listener;
    private final Map<Integer, Long> sentByPart = new HashMap<>();
    private long sent;
    private long reported = -1;

    public ProgressTracker(long total, UploadProgress listener) {
        this.total = total;
        this.listener = listener;
    }

    /** A listener for the running byte count of one part's current attempt. */
    public LongConsumer part(int partNumber) {
        return sentInAttempt -> update(partNumber, sentInAttempt);
    }

    /** Counts a part as sent without sending it (already stored on the server). */
    public void skipped(int partNumber, long length) {
        update(partNumber, length);
    }

    public synchronized void start() {
        report();
    }

    public synchronized void finish() {
        sent = total;
        report();
    }

    private synchronized void update(int partNumber, long sentInAttempt) {
        long before = sentByPart.getOrDefault(partNumber, 0L);
        sentByPart.put(partNumber, sentInAttempt);
        sent += sentInAttempt - before;
        report();
    }

    private void report() {
        long now = Math.min(sent, total);
        if (now > reported) {
            reported = now;
            listener.update(now, total);
        }
    }
}
