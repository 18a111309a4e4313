package io.sightline.sdk;

import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;

/** A video's processing failed while {@link VideoService#waitUntilProcessed} was waiting for it. */
public class ProcessingFailedException extends SightlineException {
    private final ProcessingStatus status;

    public ProcessingFailedException(ProcessingStatus status) {
        super(describe(status));
        this.status = status;
    }

    /** The status that showed the failure, with every step's state and error. */
    public ProcessingStatus status() {
        return status;
    }

    private static String describe(ProcessingStatus status) {
        ProcessingStep failed = status.steps() == null ? null : status.steps().stream()
                .filter(step -> step.state() == StepState.FAILED).findFirst().orElse(null);
        String error = failed != null && failed.error() != null ? failed.error() : status.error();
        String where = failed == null ? "" : " at step '" + failed.name() + "'";
        return "processing of video " + status.videoId() + " failed" + where + (error == null ? "" : ": " + error);
    }
}
