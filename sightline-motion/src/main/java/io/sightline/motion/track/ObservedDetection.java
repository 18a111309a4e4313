package io.sightline.motion.track;

import io.sightline.vision.detect.Detection;
import java.util.Map;
import java.util.Optional;

/**
 * A detection handed to the tracker, with optional attributes measured on its box (key
 * {@value #COLOUR} for the dominant colour name). Attributes are voted over the track.
 */
public record ObservedDetection(Detection detection, Map<String, String> attributes) {
    public static final String COLOUR = "colour";

    public ObservedDetection {
        attributes = Map.copyOf(attributes);
    }

    public static ObservedDetection of(Detection detection) {
        return new ObservedDetection(detection, Map.of());
    }

    public static ObservedDetection withColour(Detection detection, String colour) {
        return new ObservedDetection(detection, Map.of(COLOUR, colour));
    }

    public Optional<String> colour() {
        return Optional.ofNullable(attributes.get(COLOUR));
    }
}
