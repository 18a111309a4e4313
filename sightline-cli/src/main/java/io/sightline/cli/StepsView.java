package io.sightline.cli;

import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** A video's processing steps for people: a one-line summary and a table. */
final class StepsView {
    private StepsView() {}

    /** {@code processing 45%  probe 100% | transcode 40% | hls pending | thumbnails pending} */
    static String line(ProcessingStatus status) {
        StringBuilder line = new StringBuilder(overall(status)).append(' ');
        List<ProcessingStep> steps = status.steps() == null ? List.of() : status.steps();
        for (int i = 0; i < steps.size(); i++) {
            ProcessingStep step = steps.get(i);
            line.append(i == 0 ? " " : " | ").append(step.name()).append(' ').append(stepState(step));
        }
        return line.toString();
    }

    static String table(ProcessingStatus status) {
        Table table = Table.of(List.of("STEP", "STATE", "PROGRESS", "ATTEMPTS", "ERROR"), Set.of(2, 3));
        if (status.steps() != null) {
            for (ProcessingStep step : status.steps()) {
                table.row(step.name(), step.state().wireName(), step.percentage() + "%", Integer.toString(step.attempts()),
                        step.error() == null ? "" : step.error());
            }
        }
        return "video " + status.videoId() + ": " + overall(status) + "\n" + table.render();
    }

    /** {@code processing 45%}, using the video's status words rather than the steps'. */
    static String overall(ProcessingStatus status) {
        String word = switch (status.state()) {
            case PENDING -> "uploaded";
            case IN_PROGRESS -> "processing";
            case COMPLETED -> "processed";
            case FAILED -> "failed";
        };
        return word + " " + status.percentage() + "%";
    }

    private static String stepState(ProcessingStep step) {
        return switch (step.state()) {
            case PENDING -> "pending";
            case IN_PROGRESS -> step.percentage() + "%";
            case COMPLETED -> "done";
            case FAILED -> "FAILED";
        };
    }

    static boolean finished(ProcessingStatus status) {
        return status.state() == StepState.COMPLETED || status.state() == StepState.FAILED;
    }

    /** Shows statuses as they come: redrawn in place on a terminal, a new line on each change otherwise. */
    static final class Live {
        private final PrintStream err;
        private final boolean interactive;
        private final String label;
        private String last = "";

        Live(PrintStream err, boolean interactive, String label) {
            this.err = err;
            this.interactive = interactive;
            this.label = label;
        }

        void show(ProcessingStatus status) {
            String line = label + ": " + line(status);
            if (line.equals(last)) return;
            if (interactive) {
                err.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
                if (finished(status)) err.println();
            } else {
                err.println(line);
            }
            err.flush();
            last = line;
        }
    }
}
