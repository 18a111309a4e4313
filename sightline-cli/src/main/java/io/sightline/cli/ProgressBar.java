package io.sightline.cli;

import io.sightline.sdk.UploadProgress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows one file's upload on stderr: on a terminal a bar redrawn in place with percentage, speed
 * and time left; elsewhere (a log, a pipe) a plain line at every tenth.
 */
final class ProgressBar implements UploadProgress {
    static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000;

    private final String label;
    private final PrintStream err;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastTenth = -1;
    private int lastLength;
    private boolean drawn;

    ProgressBar(String label, PrintStream err, boolean interactive, LongSupplier nanoTime) {
        this.label = Formats.fit(label, 30);
        this.err = err;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public synchronized void update(long bytesSent, long totalBytes) {
        long now = nanoTime.getAsLong();
        if (interactive) {
            boolean done = bytesSent >= totalBytes;
            if (!done && drawn && now - lastDrawNanos < REDRAW_NANOS) return;
            String line = render(label, bytesSent, totalBytes, Duration.ofNanos(now - startNanos));
            // Pad over what the previous, longer line left behind.
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            err.flush();
            lastLength = line.length();
            lastDrawNanos = now;
            drawn = true;
        } else {
            int tenth = tenth(bytesSent, totalBytes);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(plain(label, bytesSent, totalBytes));
            }
        }
    }

    /** Ends the bar's line so the next output starts on a fresh one. */
    synchronized void finish() {
        if (interactive && drawn) {
            err.println();
            drawn = false;
        }
    }

    /** {@code dashcam.mp4  [##########--------------]  42%  12.3 MB/s  ETA 0:07} */
    static String render(String label, long sent, long total, Duration elapsed) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) sent / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        double seconds = elapsed.toNanos() / 1e9;
        String speed;
        String eta;
        if (seconds < 0.2 || sent == 0) {
            speed = "-- MB/s";
            eta = "--:--";
        } else {
            double rate = sent / seconds;
            speed = Formats.rate(rate);
            eta = Formats.duration(Duration.ofSeconds((long) Math.ceil((total - sent) / rate)));
        }
        String head = String.format(Locale.ROOT, "%s  [%s] %3d%%  %s", label, bar, percent(sent, total), speed);
        return sent >= total ? head + "  done in " + Formats.duration(elapsed) : head + "  ETA " + eta;
    }

    /** {@code dashcam.mp4: 40% (48.0 MB of 120.0 MB)} */
    static String plain(String label, long sent, long total) {
        return label + ": " + percent(sent, total) + "% (" + Formats.bytes(sent) + " of " + Formats.bytes(total) + ")";
    }

    static int percent(long sent, long total) {
        return total <= 0 ? 100 : (int) Math.min(100, sent * 100 / total);
    }

    private static int tenth(long sent, long total) {
        return percent(sent, total) / 10;
    }
}
