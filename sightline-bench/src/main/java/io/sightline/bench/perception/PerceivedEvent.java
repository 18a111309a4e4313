package io.sightline.bench.perception;

import java.util.Set;

/** One tracked object showing one event motion over consecutive segments, e.g. track 7 crossing left to right over 2-6 s. */
record PerceivedEvent(String trackId, String label, String motion, double start, double end) {

    /** The motions the ground truth labels as events; approaching, receding and stationary are everyday and unlabelled. */
    static final Set<String> EVENT_MOTIONS = Set.of("crossing_left_to_right", "crossing_right_to_left", "overtaking_left",
            "overtaking_right", "cutting_in");
}
