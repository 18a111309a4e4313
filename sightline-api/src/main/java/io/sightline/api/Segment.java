package io.sightline.api;

import java.util.List;

/**
 * What was perceived in one stretch of a video (default 2 s). Everything here was measured;
 * what could not be measured is {@code "unknown"} or null, never guessed. The JSON schema is
 * documented in {@code docs/segments.md}.
 *
 * @param caption a short sentence of perceived facts, e.g. "Camera car stopped. Scooter crossing left to right close ahead."
 */
public record Segment(String videoId, int index, double startSeconds, double endSeconds, String caption,
                      List<SegmentObject> objects, List<OnScreenText> texts, CameraMotion camera, SceneInfo scene) {

    /**
     * One tracked object seen in the segment.
     *
     * @param motion    {@code approaching}, {@code receding}, {@code crossing_left_to_right}, {@code crossing_right_to_left},
     *                  {@code overtaking_left}, {@code overtaking_right}, {@code cutting_in}, {@code stationary} or {@code unknown}
     * @param closeness 0 (far) to 1 (at the camera), from box bottom and size
     * @param timeToContactSeconds a proxy from the box's growth rate; null when not approaching
     * @param boxes     where the object was at each sampled frame of the segment
     */
    public record SegmentObject(String trackId, String label, String color, double score, String motion,
                                double closeness, Double timeToContactSeconds, List<BoxAt> boxes) {}

    /** A normalised box (0-1, origin top-left) at {@code t} seconds from the start of the video. */
    public record BoxAt(double t, double x1, double y1, double x2, double y2) {}

    /**
     * Text read from the frames.
     *
     * @param overlay true for burned-in overlay text (stable over time), false for scene text such as signs
     * @param parsed  values parsed from overlay text: keys {@code timestamp}, {@code speed_kmh}, {@code lat}, {@code lon}, {@code g_sensor}
     */
    public record OnScreenText(String text, boolean overlay, double t, double x1, double y1, double x2, double y2,
                               java.util.Map<String, String> parsed) {}

    /**
     * How the camera moved.
     *
     * @param state {@code static} (fixed camera), {@code stopped}, {@code moving} or {@code unknown}
     * @param turn  {@code left}, {@code right}, {@code straight} or {@code unknown}
     * @param laneChange {@code left}, {@code right}, {@code none} or {@code unknown}
     */
    public record CameraMotion(String state, String turn, String laneChange, boolean braking, double forwardSpeedProxy) {}

    /**
     * @param lighting {@code day}, {@code dusk_dawn}, {@code night}, {@code tunnel} or {@code unknown}
     * @param sharpness variance of the Laplacian; higher is sharper
     */
    public record SceneInfo(String lighting, boolean glare, double brightness, double sharpness, double colourfulness) {}
}
