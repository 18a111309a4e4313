package io.sightline.vision.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.ocr.OcrEngine;
import io.sightline.vision.ocr.RenderedFrame;
import io.sightline.vision.ocr.TextLine;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Overlay finding and parsing on text that OCR reads from rendered frames. */
class OverlayOcrTest {
    private static final double ASPECT = 1280.0 / 720.0;
    private static OcrEngine ocr;

    @BeforeAll
    static void load() {
        ocr = OcrEngine.create(ModelStore.create(ModelStore.defaultDirectory()));
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    /** Second {@code s} of a dashcam clip: clock and GPS/speed overlay bottom-left, a sign driving past. */
    private static RgbImage dashcamFrame(int s) {
        int size = 24 + 3 * s;
        return new RenderedFrame(1280, 720, 100 + s)
                .text("2024/05/12 14:33:%02d".formatted(7 + s), Font.MONOSPACED, Font.PLAIN, 24, 20, 650, Color.WHITE)
                .text("N37.7749 W122.4194 %d km/h".formatted(54 + 2 * s), Font.MONOSPACED, Font.PLAIN, 24, 20, 690, Color.WHITE)
                .sign("EXIT 25 Main St", 420 + 90 * s, 260 - 25 * s, size)
                .toRgb();
    }

    @Test
    void tracker_whenOcrOfDashcamSequence_findsOverlayAndKeepsMovingSignAsSceneText() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        List<List<TextLine>> frames = new ArrayList<>();
        for (int s = 0; s <= 4; s++) {
            List<TextLine> lines = ocr.read(dashcamFrame(s));
            frames.add(lines);
            tracker.accept(s, lines);
        }

        assertThat(tracker.regions()).extracting(r -> r.latest().text())
                .containsExactly("2024/05/12 14:33:11", "N37.7749 W122.4194 62 km/h");
        OverlayFields clock = tracker.regions().get(0).latest().fields();
        assertThat(clock.timestamp()).isEqualTo(LocalDateTime.of(2024, 5, 12, 14, 33, 11));
        OverlayFields position = tracker.regions().get(1).latest().fields();
        assertThat(position.speed()).isEqualTo(new Speed(62, Speed.Unit.KMH));
        assertThat(position.position()).isEqualTo(new GeoPoint(37.7749, -122.4194));
        for (List<TextLine> lines : frames) {
            // Bold sans-serif "I" is sometimes read as "l"; the point here is which text is scene text.
            assertThat(tracker.sceneText(lines)).singleElement().satisfies(l -> assertThat(l.text()).endsWith("25 Main St"));
        }
    }

    @Test
    void tracker_whenOverlayReadOnlyInItsAreaAfterDiscovery_keepsFollowingTheClock() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 3; s++) tracker.accept(s, ocr.read(dashcamFrame(s)));
        OverlayRegion clock = tracker.regions().getFirst();

        Box area = clock.readArea();
        List<TextLine> lines = ocr.read(dashcamFrame(4), area);
        tracker.accept(4, lines, area);

        assertThat(lines).extracting(TextLine::text).contains("2024/05/12 14:33:11");
        assertThat(tracker.regions().getFirst().latest().fields().clock()).hasToString("14:33:11");
    }

    @Test
    void rereader_whenOverlaysStayPut_recognisesEachInPlaceWithoutABandRead() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 3; s++) tracker.accept(s, ocr.read(dashcamFrame(s)));

        OverlayRereader.Reread read = new OverlayRereader(ocr).reread(dashcamFrame(4), 4, tracker);

        // both lines recognised where they are, boxes the regions' own, and no band read
        assertThat(read.inPlace()).extracting(TextLine::text).containsExactly("2024/05/12 14:33:11", "N37.7749 W122.4194 62 km/h");
        assertThat(read.inPlace()).extracting(TextLine::box).containsExactlyElementsOf(tracker.regions().stream().map(OverlayRegion::box).toList());
        assertThat(read.bands()).isEmpty();
        assertThat(tracker.regions().getFirst().latest().fields().clock()).hasToString("14:33:11");
        assertThat(tracker.regions().get(1).latest().fields().speed()).isEqualTo(new Speed(62, Speed.Unit.KMH));
    }

    @Test
    void rereader_whenAnOverlayIsGoneFromItsPlace_looksForItInItsBand() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 3; s++) tracker.accept(s, ocr.read(dashcamFrame(s)));
        // the clock line moved right by a third of the frame: nothing legible where it was
        RgbImage moved = new RenderedFrame(1280, 720, 104)
                .text("2024/05/12 14:33:11", Font.MONOSPACED, Font.PLAIN, 24, 450, 650, Color.WHITE)
                .text("N37.7749 W122.4194 62 km/h", Font.MONOSPACED, Font.PLAIN, 24, 20, 690, Color.WHITE)
                .toRgb();

        OverlayRereader.Reread read = new OverlayRereader(ocr).reread(moved, 4, tracker);

        assertThat(read.inPlace()).extracting(TextLine::text).containsExactly("N37.7749 W122.4194 62 km/h");
        assertThat(read.bands()).singleElement().satisfies(band -> assertThat(band).extracting(TextLine::text).contains("2024/05/12 14:33:11"));
    }

    @Test
    void rereader_whenALineDidNotChange_keepsItsReadingAndRecognisesOnlyTheChangedOne() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 3; s++) tracker.accept(s, ocr.read(dashcamFrame(s)));
        OverlayRereader rereader = new OverlayRereader(ocr);
        rereader.reread(dashcamFrame(4), 4, tracker);
        assertThat(rereader.recognisedLines()).isEqualTo(2);

        // second 4 again, but the clock has moved on a second: only the clock line differs
        RgbImage later = new RenderedFrame(1280, 720, 104)
                .text("2024/05/12 14:33:12", Font.MONOSPACED, Font.PLAIN, 24, 20, 650, Color.WHITE)
                .text("N37.7749 W122.4194 62 km/h", Font.MONOSPACED, Font.PLAIN, 24, 20, 690, Color.WHITE)
                .sign("EXIT 25 Main St", 420 + 90 * 4, 260 - 25 * 4, 24 + 3 * 4)
                .toRgb();
        OverlayRereader.Reread read = rereader.reread(later, 5, tracker);

        assertThat(rereader.recognisedLines()).isEqualTo(3);
        assertThat(rereader.unchangedLines()).isEqualTo(1);
        assertThat(read.inPlace()).extracting(TextLine::text).containsExactlyInAnyOrder("2024/05/12 14:33:12", "N37.7749 W122.4194 62 km/h");
        assertThat(read.bands()).isEmpty();
    }

    @Test
    void lineAreas_whenAWholeFrameIsReadAroundThem_leaveOnlySceneTextToRecognise() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 3; s++) tracker.accept(s, ocr.read(dashcamFrame(s)));
        List<OverlayTracker.LineArea> areas = tracker.lineAreas();

        List<TextLine> others = ocr.read(dashcamFrame(4), box -> areas.stream().noneMatch(a -> a.holdsMostOf(box)));

        assertThat(areas).hasSize(2);
        assertThat(others).singleElement().satisfies(l -> assertThat(l.text()).endsWith("25 Main St"));
    }
}
