package io.sightline.server.pipeline;

/**
 * The work of one processing step for one video. It must be idempotent: after a crash it runs
 * again from the start, so it writes its outputs atomically and may find them already there.
 */
@FunctionalInterface
public interface StepHandler {

    void run(String videoId, Progress progress) throws Exception;

    @FunctionalInterface
    interface Progress {
        /** 0-100; lower values than already reported are ignored. */
        void report(int percentage);
    }

    /** A failure that retrying cannot fix, such as a corrupt source file. */
    final class Permanent extends RuntimeException {
        public Permanent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
