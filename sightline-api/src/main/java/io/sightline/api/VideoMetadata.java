package io.sightline.api;

import java.util.List;
import java.util.Map;

/**
 * The optional sidecar uploaded with a video ({@code dashcam.mp4} + {@code dashcam.json}).
 * The schema is documented in {@code docs/metadata-sidecar.md} and enforced by the server.
 *
 * @param description free text about the recording
 * @param properties  free-form string attributes such as the camera id or the vehicle
 * @param fields      time series recorded beside the video
 */
public record VideoMetadata(String description, Map<String, String> properties, List<MetadataField> fields) {

    /**
     * One recorded quantity.
     *
     * @param type     {@code number}, {@code string}, {@code boolean}, {@code timestamp} (ISO-8601) or {@code gps} ({@code {"lat":..,"lon":..}})
     * @param unit     e.g. {@code km/h}; optional
     * @param position where the value is drawn on the frame, if it is: {@code top-left} ... {@code bottom-right}, or {@code none}
     * @param format   how the value is rendered as text, e.g. {@code %.0f km/h}; optional
     */
    public record MetadataField(String name, String type, String unit, String position, String format,
                                List<TimedValue> values) {}

    /** A value at {@code t} seconds from the start of the video. */
    public record TimedValue(double t, Object value) {}
}
