package io.sightline.api;

import java.time.Instant;

/**
 * One step of a video's processing.
 *
 * @param name       {@code probe}, {@code transcode}, {@code hls}, {@code thumbnails}, later {@code perceive}, {@code index}
 * @param percentage 0-100, monotonic within one attempt
 * @param error      why the step failed, else null
 * @param attempts   how many times the step has been started (retries add to it)
 */
public record ProcessingStep(String name, StepState state, int percentage, String error, int attempts,
                             Instant startedAt, Instant finishedAt) {}
