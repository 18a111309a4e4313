package io.sightline.vision.overlay;

import io.sightline.vision.image.Box;
import io.sightline.vision.ocr.TextLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds burned-in overlays: fed the text read from frames in time order, it reports the text
 * boxes that stay in the same place for a while (their text may change, as a clock's does). Text
 * that moves with the scene, like a sign the camera drives past, does not stay put and stays
 * scene text. Not thread-safe; one tracker per video.
 */
public final class OverlayTracker {
    /**
     * @param minSeconds   how long text must stay put to count as an overlay
     * @param minFrames    in at least this many sampled frames
     * @param minPresence  and in at least this share of the frames that covered its place since it appeared
     * @param forgetAfter  seconds after which text that never became stable is forgotten
     * @param borderBand   overlays lie within this share of the frame height from the top or the
     *                     bottom edge (0.5 accepts anywhere): with the camera at rest, a number
     *                     plate or shop sign ahead stays put as long as an overlay does
     */
    public record Settings(double minSeconds, int minFrames, double minPresence, double forgetAfter, double borderBand) {
        public static Settings defaults() {
            return new Settings(3.0, 3, 0.6, 10.0, 0.25);
        }
    }

    /** Edges may move by this share of the line height and still be the same place. */
    private static final double EDGE_TOLERANCE = 0.6;
    /** Where to re-read a stable region: see {@link #lineAreas()}. */
    public record LineArea(OverlayRegion region, Box area) {
        /**
         * Whether at least half of a text box lies in this area, where {@link OverlayRereader} reads it: a
         * whole-frame read can leave such a box to the rereader.
         */
        public boolean holdsMostOf(Box box) {
            double shared = area.intersectionArea(box);
            return shared > 0 && shared >= box.area() / 2;
        }
    }

    /** How far {@link #lineAreas()} reach beyond a region, in line heights: about three characters. */
    static final double LINE_GROWTH = 1.5;

    private final double frameAspect;
    private final Settings settings;
    private final List<Candidate> candidates = new ArrayList<>();
    private int nextId = 1;

    private OverlayTracker(double frameAspect, Settings settings) {
        this.frameAspect = frameAspect;
        this.settings = settings;
    }

    /** Width / height of the frames this tracker was made for. */
    public double frameAspect() {
        return frameAspect;
    }

    /** @param frameAspect width / height of the video's frames */
    public static OverlayTracker create(double frameAspect) {
        return create(frameAspect, Settings.defaults());
    }

    public static OverlayTracker create(double frameAspect, Settings settings) {
        return new OverlayTracker(frameAspect, settings);
    }

    /** The lines read from a whole frame at {@code seconds}. */
    public void accept(double seconds, List<TextLine> lines) {
        accept(seconds, lines, new Box(0, 0, 1, 1));
    }

    /**
     * The lines read from part of a frame (e.g. {@link OverlayRegion#readArea}): only text whose
     * place lies inside {@code area} counts as seen or missed in this frame.
     */
    public void accept(double seconds, List<TextLine> lines, Box area) {
        List<TextLine> rows = TextRows.merge(lines, frameAspect);
        List<Candidate> matched = new ArrayList<>();
        for (TextLine row : rows) {
            Candidate best = null;
            double bestIou = -1;
            for (Candidate c : candidates) {
                if (matched.contains(c) || !samePlace(c.anchor, row.box())) continue;
                double iou = c.anchor.iou(row.box());
                if (iou > bestIou) {
                    best = c;
                    bestIou = iou;
                }
            }
            if (best == null) {
                best = new Candidate(nextId++, row.box(), seconds);
                candidates.add(best);
            }
            best.observe(seconds, row);
            matched.add(best);
        }
        for (Candidate c : candidates) {
            if (contains(area, c.anchor)) c.opportunities++;
        }
        forget(seconds);
    }

    /** Regions that have been stable, by position (top to bottom, left to right). */
    public List<OverlayRegion> regions() {
        return stable().map(Candidate::toRegion).toList();
    }

    /** Whether any region has been stable; unlike {@link #regions()} this copies no readings. */
    public boolean hasRegions() {
        return candidates.stream().anyMatch(Candidate::stable);
    }

    /** Where the {@link #regions()} are, in the same order, without copying their readings (which grow with the video). */
    public List<Box> regionBoxes() {
        return stable().map(c -> c.anchor).toList();
    }

    private Stream<Candidate> stable() {
        return candidates.stream().filter(Candidate::stable)
                .sorted(Comparator.comparingDouble((Candidate c) -> c.anchor.centerY()).thenComparingDouble(c -> c.anchor.x1()));
    }

    /**
     * The top and bottom bands of the frame where overlays can be ({@link Settings#borderBand()}): to
     * look for overlays without reading the whole frame. The whole frame when the band is half of it.
     */
    public List<Box> borders() {
        double band = settings.borderBand();
        if (band >= 0.5) return List.of(new Box(0, 0, 1, 1));
        return List.of(new Box(0, 0, 1, band), new Box(0, 1 - band, 1, 1));
    }

    /**
     * Bands that overlap vertically joined into one, top to bottom: one {@code OcrEngine.read(image,
     * band)} per joined band reads every overlay in them (two regions on one row are read once).
     */
    static List<Box> joinRows(List<Box> bands) {
        List<Box> joined = new ArrayList<>();
        bands.stream().sorted(Comparator.comparingDouble(Box::y1)).forEach(area -> {
            Box last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && area.y1() <= last.y2()) {
                joined.set(joined.size() - 1, new Box(Math.min(last.x1(), area.x1()), last.y1(), Math.max(last.x2(), area.x2()), Math.max(last.y2(), area.y2())));
            } else {
                joined.add(area);
            }
        });
        return joined;
    }

    /**
     * Per stable region, the area to re-read it with {@code OcrEngine.recognize}: its box grown by
     * {@link #LINE_GROWTH} line heights to each side (a clock or speed may gain a digit; centred and
     * right-aligned text grows to the left) and a quarter line above and below, but never into
     * another overlay on the same row.
     */
    public List<LineArea> lineAreas() {
        List<OverlayRegion> regions = regions();
        List<LineArea> areas = new ArrayList<>(regions.size());
        for (OverlayRegion region : regions) {
            Box box = region.box();
            double h = box.height();
            double grow = LINE_GROWTH * h / frameAspect;
            double left = Math.max(0, box.x1() - grow);
            double right = Math.min(1, box.x2() + grow);
            for (OverlayRegion other : regions) {
                Box o = other.box();
                if (other == region || o.y2() <= box.y1() || o.y1() >= box.y2()) continue; // not on this row
                if (o.x2() <= box.x1()) left = Math.max(left, (o.x2() + box.x1()) / 2);
                if (o.x1() >= box.x2()) right = Math.min(right, (box.x2() + o.x1()) / 2);
            }
            areas.add(new LineArea(region, new Box(left, Math.max(0, box.y1() - h / 4), right, Math.min(1, box.y2() + h / 4))));
        }
        return areas;
    }

    /** Whether a text box lies in a stable overlay region. */
    public boolean isOverlay(Box box) {
        return candidates.stream().anyMatch(c -> c.stable() && samePlace(c.anchor, box));
    }

    /** The lines, joined into rows, that are not overlays: scene text such as signs. */
    public List<TextLine> sceneText(List<TextLine> lines) {
        return TextRows.merge(lines, frameAspect).stream().filter(l -> !isOverlay(l.box())).toList();
    }

    /**
     * Same line of text in the same place: the rows overlap vertically with similar height, and
     * the left edge, right edge or centre stayed put (text aligned left, right or centred may
     * change length).
     */
    private boolean samePlace(Box anchor, Box box) {
        double h = anchor.height();
        if (Math.abs(box.y1() - anchor.y1()) > EDGE_TOLERANCE * h || Math.abs(box.y2() - anchor.y2()) > EDGE_TOLERANCE * h) return false;
        double hx = EDGE_TOLERANCE * h / frameAspect;
        return Math.abs(box.x1() - anchor.x1()) <= hx || Math.abs(box.x2() - anchor.x2()) <= hx
                || Math.abs(box.centerX() - anchor.centerX()) <= hx;
    }

    private static boolean contains(Box area, Box box) {
        return box.x1() >= area.x1() && box.y1() >= area.y1() && box.x2() <= area.x2() && box.y2() <= area.y2();
    }

    private void forget(double now) {
        for (Iterator<Candidate> it = candidates.iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (!c.everStable && now - c.lastSeen > settings.forgetAfter()) it.remove();
        }
    }

    private final class Candidate {
        final int id;
        final Box anchor; // where it was first seen: drifting text falls out of it
        final double firstSeen;
        double lastSeen;
        int frames;
        int opportunities;
        boolean everStable;
        final List<OverlayReading> readings = new ArrayList<>();

        Candidate(int id, Box anchor, double firstSeen) {
            this.id = id;
            this.anchor = anchor;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
        }

        void observe(double seconds, TextLine row) {
            lastSeen = seconds;
            frames++;
            readings.add(new OverlayReading(seconds, row.text(), row.confidence()));
            if (!everStable && stableNow()) everStable = true;
        }

        boolean stable() {
            return everStable;
        }

        private boolean stableNow() {
            // opportunities are counted after observe(), so this frame is one more
            double presence = (double) frames / Math.max(frames, opportunities + 1);
            boolean inBorder = anchor.y2() <= settings.borderBand() || anchor.y1() >= 1 - settings.borderBand();
            return inBorder && frames >= settings.minFrames() && lastSeen - firstSeen >= settings.minSeconds()
                    && presence >= settings.minPresence();
        }

        OverlayRegion toRegion() {
            return new OverlayRegion(id, anchor, firstSeen, lastSeen, readings);
        }
    }
}
