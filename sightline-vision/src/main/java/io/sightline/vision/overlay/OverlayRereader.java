package io.sightline.vision.overlay;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.ocr.OcrEngine;
import io.sightline.vision.ocr.TextLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-reads the overlays an {@link OverlayTracker} knows, between whole-frame reads. An overlay
 * whose pixels did not change since its last reading keeps that reading (a camera name, a speed
 * that held); the others are recognised in their {@link OverlayTracker#lineAreas() line areas}
 * without looking for text first, in one recognition batch; one the recogniser is unsure of,
 * because it moved, grew or is hidden, is looked for again in its band ({@link
 * OverlayRegion#readArea()}), one band read per row. What is read is fed to the tracker.
 *
 * <p>Remembers the last reading of each overlay: one rereader per video, like its tracker.
 */
public final class OverlayRereader {
    private record Reading(LinePixels pixels, String text, double confidence) {}

    /**
     * What one re-read found.
     *
     * @param inPlace the overlays read in their line areas, each with its region's box
     * @param bands   per band read (for the overlays the recogniser was unsure of), the lines found in it
     */
    public record Reread(List<TextLine> inPlace, List<List<TextLine>> bands) {
        public Reread {
            inPlace = List.copyOf(inPlace);
            bands = List.copyOf(bands);
        }

        public static final Reread NOTHING = new Reread(List.of(), List.of());
    }

    private final OcrEngine ocr;
    private final Map<Integer, Reading> last = new HashMap<>();
    private int recognised;
    private int unchanged;

    public OverlayRereader(OcrEngine ocr) {
        this.ocr = ocr;
    }

    /** Re-reads the overlays {@code overlays} knows in this frame, and feeds what it read to it. */
    public Reread reread(RgbImage image, double seconds, OverlayTracker overlays) {
        List<OverlayTracker.LineArea> areas = overlays.lineAreas();
        if (areas.isEmpty()) return Reread.NOTHING;
        List<TextLine> lines = new ArrayList<>();
        List<OverlayTracker.LineArea> toRecognise = new ArrayList<>();
        List<LinePixels> toRecognisePixels = new ArrayList<>();
        for (OverlayTracker.LineArea area : areas) {
            LinePixels pixels = LinePixels.of(image, area.area());
            Reading previous = last.get(area.region().id());
            if (previous != null && pixels.sameAs(previous.pixels())) {
                unchanged++;
                lines.add(accept(overlays, seconds, area, previous.text(), previous.confidence()));
            } else {
                toRecognise.add(area);
                toRecognisePixels.add(pixels);
            }
        }
        List<TextLine> read = toRecognise.isEmpty() ? List.of()
                : ocr.recognize(image, toRecognise.stream().map(OverlayTracker.LineArea::area).toList());
        List<Box> unsure = new ArrayList<>();
        for (int i = 0; i < toRecognise.size(); i++) {
            TextLine line = read.get(i);
            OverlayTracker.LineArea area = toRecognise.get(i);
            recognised++;
            if (line.text().isEmpty() || line.confidence() < ocr.minConfidence()) {
                last.remove(area.region().id());
                unsure.add(area.region().readArea());
                continue;
            }
            last.put(area.region().id(), new Reading(toRecognisePixels.get(i), line.text(), line.confidence()));
            lines.add(accept(overlays, seconds, area, line.text(), line.confidence()));
        }
        List<List<TextLine>> bands = new ArrayList<>();
        for (Box band : OverlayTracker.joinRows(unsure)) {
            List<TextLine> found = ocr.read(image, band);
            overlays.accept(seconds, found, band);
            bands.add(found);
        }
        return new Reread(lines, bands);
    }

    /** Overlay lines recognised so far, and those kept from their last reading because their pixels had not changed. */
    public int recognisedLines() {
        return recognised;
    }

    public int unchangedLines() {
        return unchanged;
    }

    private static TextLine accept(OverlayTracker overlays, double seconds, OverlayTracker.LineArea area, String text, double confidence) {
        TextLine atRegion = new TextLine(area.region().box(), text, confidence);
        overlays.accept(seconds, List.of(atRegion), area.area());
        return atRegion;
    }
}
