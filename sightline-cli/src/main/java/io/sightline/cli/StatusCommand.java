package io.sightline.cli;

import io.sightline.api.ProcessingStatus;
import io.sightline.api.StepState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Show a video's processing steps with their state and percentage.")
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--watch", description = "keep showing until processing ends; exits 1 if it failed")
    boolean watch;

    @Option(names = "--interval", defaultValue = "1s", paramLabel = "DURATION", description = "how often --watch asks (default: ${DEFAULT-VALUE})")
    Duration interval;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ProcessingStatus status = context.client().videos().status(id);
        if (!watch) {
            context.out.print(StepsView.table(status));
            return SightlineCli.OK;
        }
        String shown = null;
        int shownLines = 0;
        while (true) {
            String table = StepsView.table(status);
            if (!table.equals(shown)) {
                // On a terminal, move back up over the previous table and draw over it.
                if (context.interactive && shownLines > 0) context.out.print("\033[" + shownLines + "A\033[J");
                context.out.print(table);
                context.out.flush();
                shown = table;
                shownLines = (int) table.chars().filter(c -> c == '\n').count();
            }
            if (StepsView.finished(status)) break;
            Thread.sleep(interval.toMillis());
            status = context.client().videos().status(id);
        }
        if (status.state() == StepState.FAILED) {
            context.err.println("error: processing failed" + (status.error() == null ? "" : ": " + status.error()));
            return SightlineCli.FAILED;
        }
        return SightlineCli.OK;
    }
}
