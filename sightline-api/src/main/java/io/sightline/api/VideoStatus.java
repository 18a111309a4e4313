package io.sightline.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a video is in its life; derived from the state of its processing steps. */
public enum VideoStatus {
    /** Bytes are stored; no processing step has started yet. */
    @JsonProperty("uploaded") UPLOADED,
    @JsonProperty("processing") PROCESSING,
    /** Every processing step completed: the video can be played and searched. */
    @JsonProperty("processed") PROCESSED,
    @JsonProperty("failed") FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static VideoStatus parse(String value) {
        for (VideoStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(value)) return status;
        }
        throw new IllegalArgumentException("status must be one of uploaded, processing, processed, failed; not '" + value + "'");
    }

    public static VideoStatus of(StepState derived) {
        return switch (derived) {
            case PENDING -> UPLOADED;
            case IN_PROGRESS -> PROCESSING;
            case COMPLETED -> PROCESSED;
            case FAILED -> FAILED;
        };
    }
}
