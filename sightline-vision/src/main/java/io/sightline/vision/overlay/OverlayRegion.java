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
     * Where to re-read this overlay with {@code OcrEngine.read(image, area)}: the full-width band
     * of the frame around the text, three line heights above and below. The text may
     * grow or jitter, and the detector finds small text more reliably with the context of the
     * whole row than in a tight crop.
     */
    public Box readArea() {
        double margin = 3 * box.height();
        return new Box(0, Math.max(0, box.y1() - margin), 1, Math.min(1, box.y2() + margin));
    }
}
