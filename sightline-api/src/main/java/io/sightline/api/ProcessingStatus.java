package io.sightline.api;

import java.util.List;

/**
 * The processing status of one video: every step, and the state derived from them.
 *
 * @param state      derived from the steps with {@link StepState#derive}
 * @param percentage the mean of the steps' percentages
 * @param error      the first failed step's error, else null
 */
public record ProcessingStatus(String videoId, StepState state, int percentage, List<ProcessingStep> steps, String error) {}
