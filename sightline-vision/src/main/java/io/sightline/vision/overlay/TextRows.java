package io.sightline.vision.overlay;

import io.sightline.vision.image.Box;
import io.sightline.vision.ocr.TextLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins text boxes that sit side by side on one row into one line. Text detection splits a line
 * at wide gaps and does not always split it the same way from frame to frame; rows make the
 * overlay regions and their text stable.
 */
public final class TextRows {
    private TextRows() {}

    /** Gap between two boxes, in row heights, up to which they are one line. */
    private static final double MAX_GAP = 2.0;
    private static final double MIN_VERTICAL_OVERLAP = 0.6;

    /**
     * Lines joined into rows, in reading order.
     *
     * @param frameAspect width / height of the frame, to compare horizontal gaps with text height
     */
    public static List<TextLine> merge(List<TextLine> lines, double frameAspect) {
        List<TextLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble((TextLine l) -> l.box().x1()));
        List<List<TextLine>> rows = new ArrayList<>();
        for (TextLine line : sorted) {
            List<TextLine> row = rows.stream().filter(r -> joins(r.getLast(), line, frameAspect)).findFirst().orElse(null);
            if (row == null) rows.add(new ArrayList<>(List.of(line)));
            else row.add(line);
        }
        List<TextLine> merged = new ArrayList<>();
        for (List<TextLine> row : rows) merged.add(join(row));
        merged.sort(Comparator.comparingDouble((TextLine l) -> l.box().centerY()).thenComparingDouble(l -> l.box().x1()));
        return merged;
    }

    /** Whether {@code next} (to the right) continues the row that ends with {@code last}. */
    public static boolean joins(TextLine last, TextLine next, double frameAspect) {
        Box a = last.box(), b = next.box();
        double minHeight = Math.min(a.height(), b.height());
        double overlap = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (overlap < MIN_VERTICAL_OVERLAP * minHeight || minHeight < 0.6 * Math.max(a.height(), b.height())) return false;
        double gap = b.x1() - a.x2();
        // Normalised x and y units differ by the frame's aspect ratio.
        return gap <= MAX_GAP * minHeight / frameAspect;
    }

    private static TextLine join(List<TextLine> row) {
        if (row.size() == 1) return row.getFirst();
        StringBuilder text = new StringBuilder();
        double x1 = 1, y1 = 1, x2 = 0, y2 = 0, weighted = 0;
        int chars = 0;
        for (TextLine line : row) {
            if (!text.isEmpty()) text.append(' ');
            text.append(line.text());
            x1 = Math.min(x1, line.box().x1());
            y1 = Math.min(y1, line.box().y1());
            x2 = Math.max(x2, line.box().x2());
            y2 = Math.max(y2, line.box().y2());
            weighted += line.confidence() * line.text().length();
            chars += line.text().length();
        }
        return new TextLine(new Box(x1, y1, x2, y2), text.toString(), weighted / chars);
    }
}
