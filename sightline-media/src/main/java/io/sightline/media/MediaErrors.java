package io.sightline.media;

import java.util.List;
import java.util.Locale;

/** The one place where ffmpeg's and ffprobe's log lines become a reason a user can act on. */
final class MediaErrors {

    static final String TRUNCATED = "the file is truncated: it ends before the media it announces";

    private MediaErrors() {}

    /**
     * A reason for a failed run, from the error lines it logged: a plain-words explanation of the
     * first known problem, followed by ffmpeg's own words.
     */
    static String explain(String tool, List<String> errorLines, int exitCode) {
        String log = String.join("; ", errorLines);
        String reason = knownReason(tool, log);
        if (log.isBlank()) return tool + " failed with exit code " + exitCode;
        return (reason == null ? tool + " failed" : reason) + " (" + tool + ": " + shorten(log) + ")";
    }

    /** Whether the log shows that the input ended before its media did (an interrupted transfer). */
    static boolean showsTruncation(List<String> errorLines) {
        return errorLines.stream().anyMatch(line -> line.contains("partial file") || line.contains("moov atom not found"));
    }

    private static String knownReason(String tool, String log) {
        String lower = log.toLowerCase(Locale.ROOT);
        // the dynamic loader's words, before the input's: it ends in "no such file or directory" too
        if (lower.contains("error while loading shared libraries")) {
            return tool + " cannot start: a shared library it needs is missing; unset SIGHTLINE_FFMPEG and SIGHTLINE_FFPROBE"
                    + " to use the bundled build, or install the missing library";
        }
        if (lower.contains("partial file")) return TRUNCATED;
        if (lower.contains("moov atom not found")) return "invalid data found when processing input: no MP4 index (moov) in the file,"
                + " so it is truncated, unfinished or not an MP4 at all";
        if (lower.contains("no such file or directory")) return "the file does not exist";
        if (lower.contains("permission denied")) return "the file cannot be read (permission denied)";
        if (lower.contains("invalid data found when processing input")) {
            return "invalid data found when processing input: not a video format ffmpeg can read";
        }
        if (lower.contains("does not contain any stream")) return "the file has no audio or video ffmpeg can use";
        if (lower.contains("no space left on device")) return "the disk is full";
        return null;
    }

    private static String shorten(String log) {
        return log.length() <= 600 ? log : log.substring(0, 600) + "…";
    }
}
