package io.sightline.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;

/** The state of one processing step, and of a whole pipeline derived from its steps. */
public enum StepState {
    @JsonProperty("pending") PENDING,
    @JsonProperty("in_progress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static StepState parse(String value) {
        for (StepState state : values()) {
            if (state.wireName().equalsIgnoreCase(value)) return state;
        }
        throw new IllegalArgumentException("unknown step state '" + value + "'");
    }

    /** Any failure fails the whole; all completed completes it; nothing started is pending; else in progress. */
    public static StepState derive(Collection<StepState> steps) {
        if (steps.isEmpty()) return PENDING;
        if (steps.contains(FAILED)) return FAILED;
        if (steps.stream().allMatch(s -> s == COMPLETED)) return COMPLETED;
        if (steps.stream().allMatch(s -> s == PENDING)) return PENDING;
        return IN_PROGRESS;
    }
}
