package io.sightline.sdk;

import io.sightline.api.ProcessingStatus;

import java.time.Duration;

/** {@link VideoService#waitUntilProcessed} gave up; the video may still finish later. */
public class ProcessingTimeoutException extends SightlineException {
    private final ProcessingStatus lastStatus;

    public ProcessingTimeoutException(ProcessingStatus lastStatus, Duration timeout) {
        super("video " + lastStatus.videoId() + " was not processed within " + timeout
                + "; last seen " + lastStatus.state().wireName() + " at " + lastStatus.percentage() + "%");
        this.lastStatus = lastStatus;
    }

    public ProcessingStatus lastStatus() {
        return lastStatus;
    }
}
