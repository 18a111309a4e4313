package io.sightline.vision.overlay;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.ocr.OcrEngine;
import io.sightline.vision.ocr.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-reads the overlays an {@link OverlayTracker} knows, between whole-frame reads. Each is
 * recognised in its {@link OverlayTracker#lineAreas() line area} without looking for text first
 * (one recognition batch for all of them); one the recogniser is unsure of, because it moved, grew
 * or is hidden, is looked for again in its band ({@link OverlayRegion#readArea()}), one band read
 * per row. What is read is fed to the tracker.
 */
public final class OverlayRereader {
    private final OcrEngine ocr;

    public OverlayRereader(OcrEngine ocr) {
        this.ocr = ocr;
    }

    /** @return the lines read, one list per read: the recognised overlays first, then each band read */
    public List<List<TextLine>> reread(RgbImage image, double seconds, OverlayTracker overlays) {
        List<OverlayTracker.LineArea> areas = overlays.lineAreas();
        if (areas.isEmpty()) return List.of();
        List<TextLine> recognised = ocr.recognize(image, areas.stream().map(OverlayTracker.LineArea::area).toList());
        List<TextLine> lines = new ArrayList<>();
        List<Box> unsure = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            TextLine line = recognised.get(i);
            OverlayTracker.LineArea area = areas.get(i);
            if (line.text().isEmpty() || line.confidence() < ocr.minConfidence()) {
                unsure.add(area.region().readArea());
                continue;
            }
            TextLine atRegion = new TextLine(area.region().box(), line.text(), line.confidence());
            overlays.accept(seconds, List.of(atRegion), area.area());
            lines.add(atRegion);
        }
        List<List<TextLine>> reads = new ArrayList<>();
        if (!lines.isEmpty()) reads.add(lines);
        for (Box band : OverlayTracker.joinRows(unsure)) {
            List<TextLine> found = ocr.read(image, band);
            overlays.accept(seconds, found, band);
            reads.add(found);
        }
        return reads;
    }
}
