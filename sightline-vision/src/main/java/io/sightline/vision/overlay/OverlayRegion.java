package io.sightline.vision.overlay;

import io.sightline.vision.image.Box;
import java.util.List;

/**
 * A place in the frame where text stays put over time: a burned-in overlay such as a dashcam's
 * clock and speed, or a camera name.
 *
 * @param id        stable within one tracker
 * @param box       where the text sits, normalised frame coordinates
 * @param firstSeen seconds into the video
 * @param lastSeen  seconds into the video
 * @param readings  what it showed, oldest first
 */
public record OverlayRegion(int id, Box box, double firstSeen, double lastSeen, List<OverlayReading> readings) {
    public OverlayRegion {
        readings = List.copyOf(readings);
    }

    public OverlayReading latest() {
        return readings.getLast();
    }

    /**
     * The box grown by a line height up and down and a few line heights to the sides, for
     * {@code OcrEngine.read(image, area)}: the text may grow (a speed gaining a digit) or jitter.
     */
    public Box readArea(double frameAspect) {
        double h = box.height();
        double w = 3 * h / frameAspect;
        return new Box(Math.max(0, box.x1() - w), Math.max(0, box.y1() - h), Math.min(1, box.x2() + w), Math.min(1, box.y2() + h));
    }
}
