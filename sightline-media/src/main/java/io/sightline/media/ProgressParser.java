package io.sightline.media;

/**
 * Turns ffmpeg's {@code -progress} lines into a percentage of a known duration that never goes
 * backwards (ffmpeg's output time can step back a little, e.g. around B-frames or at the audio tail).
 */
final class ProgressParser {

    private final double durationSeconds;
    private int percent = -1;

    ProgressParser(double durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    /** Reads one line; returns the new percentage when it went up, otherwise -1. */
    int accept(String line) {
        int next = percentOf(line.strip());
        if (next <= percent) return -1;
        percent = next;
        return percent;
    }

    /** The highest percentage seen so far, or -1. */
    int percent() {
        return percent;
    }

    private int percentOf(String line) {
        if (line.equals("progress=end")) return 100;
        if (durationSeconds <= 0) return -1;
        if (!line.startsWith("out_time_us=") && !line.startsWith("out_time_ms=")) return -1;
        try {
            // Despite its name, out_time_ms is in microseconds too.
            long micros = Long.parseLong(line.substring(line.indexOf('=') + 1));
            if (micros < 0) return -1;
            // 100 is kept for the end, so a run that stops short never looks finished.
            return (int) Math.min(99, Math.floor(micros / 1e6 / durationSeconds * 100));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
