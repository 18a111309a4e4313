package io.sightline.vision.overlay;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * What could be parsed out of one overlay text. Fields not found are null.
 *
 * @param timestamp date and time, when the text holds both
 * @param clock     time of day, when the text holds one (also set when {@code timestamp} is)
 */
public record OverlayFields(String text, LocalDateTime timestamp, LocalTime clock, Speed speed, GeoPoint position, GSensor gSensor) {
    public boolean isEmpty() {
        return timestamp == null && clock == null && speed == null && position == null && gSensor == null;
    }
}
