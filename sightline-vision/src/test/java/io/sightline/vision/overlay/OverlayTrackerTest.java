package io.sightline.vision.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.vision.image.Box;
import io.sightline.vision.ocr.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayTrackerTest {
    private static final double ASPECT = 16.0 / 9.0;

    private static TextLine line(String text, double x1, double y1, double x2, double y2) {
        return new TextLine(new Box(x1, y1, x2, y2), text, 0.95);
    }

    private static TextLine clock(int second) {
        return line("2015/09/18 07:53:%02d".formatted(second), 0.02, 0.92, 0.22, 0.95);
    }

    @Test
    void regions_whenTextStaysPutLongEnough_reportsItWithEveryReading() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 4; s++) tracker.accept(s, List.of(clock(27 + s)));

        assertThat(tracker.regions()).singleElement().satisfies(r -> {
            assertThat(r.firstSeen()).isEqualTo(0);
            assertThat(r.lastSeen()).isEqualTo(4);
            assertThat(r.readings()).extracting(OverlayReading::text).containsExactly(
                    "2015/09/18 07:53:27", "2015/09/18 07:53:28", "2015/09/18 07:53:29", "2015/09/18 07:53:30", "2015/09/18 07:53:31");
            assertThat(r.latest().fields().clock()).hasToString("07:53:31");
        });
    }

    @Test
    void regions_whenSeenOnlyBriefly_reportsNothing() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 2; s++) tracker.accept(s, List.of(clock(27 + s)));

        assertThat(tracker.regions()).isEmpty();
        assertThat(tracker.hasRegions()).isFalse();
        assertThat(tracker.regionBoxes()).isEmpty();
    }

    @Test
    void regionBoxes_whenRegionsAreStable_areTheRegionsBoxesInTheirOrder() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 4; s++) tracker.accept(s, List.of(line((50 + s) + " km/h", 0.80, 0.03, 0.95, 0.06), clock(27 + s)));

        assertThat(tracker.hasRegions()).isTrue();
        assertThat(tracker.regionBoxes()).hasSize(2).isEqualTo(tracker.regions().stream().map(OverlayRegion::box).toList());
    }

    @Test
    void regions_whenTextMovesAcrossFrames_reportsNothing() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 8; s++) {
            double x = 0.3 + 0.05 * s, y = 0.3 + 0.01 * s, h = 0.04 + 0.005 * s;
            tracker.accept(s, List.of(line("EXIT 25", x, y, x + 3 * h, y + h)));
        }

        assertThat(tracker.regions()).isEmpty();
        assertThat(tracker.isOverlay(new Box(0.7, 0.38, 0.9, 0.46))).isFalse();
    }

    @Test
    void regions_whenStillTextInTheMiddleOfTheFrame_reportsNothing() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 6; s++) tracker.accept(s, List.of(line("3055D5", 0.43, 0.63, 0.47, 0.65)));

        assertThat(tracker.regions()).isEmpty();
    }

    @Test
    void regions_whenBorderBandWidened_acceptsStillTextAnywhere() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT, new OverlayTracker.Settings(3.0, 3, 0.6, 10.0, 0.5));
        for (int s = 0; s <= 6; s++) tracker.accept(s, List.of(line("CAM 2", 0.43, 0.63, 0.47, 0.65)));

        assertThat(tracker.regions()).hasSize(1);
    }

    @Test
    void regions_whenTextLengthChanges_keepsOneRegionAnchoredAtTheLeftEdge() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        String[] speeds = {"6 km/h", "12 km/h", "118 km/h", "9 km/h", "10 km/h"};
        for (int s = 0; s < speeds.length; s++) {
            double width = 0.012 * speeds[s].length();
            tracker.accept(s, List.of(line(speeds[s], 0.8, 0.05, 0.8 + width, 0.08)));
        }

        assertThat(tracker.regions()).singleElement()
                .satisfies(r -> assertThat(r.readings()).hasSize(5));
    }

    @Test
    void regions_whenOverlayMissedInManyFrames_reportsNothing() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 9; s++) tracker.accept(s, s % 3 == 0 ? List.of(clock(s)) : List.of());

        assertThat(tracker.regions()).isEmpty();
    }

    @Test
    void accept_whenWordsOfOneLineComeAsSeparateBoxes_joinsThemIntoOneRow() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 4; s++) {
            tracker.accept(s, List.of(
                    line("2015-08-21", 0.01, 0.96, 0.10, 0.99),
                    line("08:10:3" + s, 0.105, 0.96, 0.17, 0.99),
                    line("006km/h", 0.19, 0.96, 0.265, 0.99),
                    line("DR650GW-2CH/FHD-HD", 0.79, 0.96, 0.98, 0.99)));
        }

        assertThat(tracker.regions()).extracting(r -> r.latest().text())
                .containsExactly("2015-08-21 08:10:34 006km/h", "DR650GW-2CH/FHD-HD");
    }

    @Test
    void sceneText_whenFrameHasOverlayAndSign_returnsOnlyTheSign() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 4; s++) tracker.accept(s, List.of(clock(s)));
        TextLine sign = line("EXIT 25", 0.5, 0.3, 0.6, 0.34);

        assertThat(tracker.sceneText(List.of(clock(5), sign))).containsExactly(sign);
    }

    @Test
    void accept_whenRegionOnlyRead_otherTextIsNotCountedAsMissed() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        TextLine name = line("CAM 3 LOBBY", 0.75, 0.02, 0.95, 0.05);
        tracker.accept(0, List.of(clock(0), name));
        Box clockArea = new Box(0, 0.85, 0.4, 1);
        for (int s = 1; s <= 6; s++) tracker.accept(s, List.of(clock(s)), clockArea);
        tracker.accept(7, List.of(clock(7), name));
        tracker.accept(8, List.of(clock(8), name));

        assertThat(tracker.regions()).extracting(r -> r.latest().text())
                .containsExactly("CAM 3 LOBBY", "2015/09/18 07:53:08");
    }

    @Test
    void joinRows_whenTwoRegionsShareARow_givesOneBandForThem() {
        OverlayTracker tracker = OverlayTracker.create(ASPECT);
        for (int s = 0; s <= 4; s++) {
            tracker.accept(s, List.of(
                    line("2015-08-21 08:10:3" + s, 0.01, 0.96, 0.17, 0.99),
                    line("DR650GW-2CH/FHD-HD", 0.79, 0.96, 0.98, 0.99),
                    line("CAM 1", 0.01, 0.02, 0.08, 0.05)));
        }

        assertThat(tracker.regions()).hasSize(3);
        assertThat(OverlayTracker.joinRows(tracker.regions().stream().map(OverlayRegion::readArea).toList()))
                .hasSize(2).allSatisfy(a -> assertThat(a.width()).isEqualTo(1));
    }

    @Test
    void readArea_isTheFullWidthBandAroundTheText() {
        OverlayRegion region = new OverlayRegion(1, new Box(0.8, 0.05, 0.9, 0.08), 0, 4, List.of(new OverlayReading(0, "6 km/h", 0.9)));

        Box area = region.readArea();

        assertThat(area.x1()).isZero();
        assertThat(area.x2()).isEqualTo(1);
        assertThat(area.y1()).isZero();
        assertThat(area.y2()).isCloseTo(0.17, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void lineAreas_whenTwoOverlaysShareARow_growEachButStopHalfwayBetweenThem() {
        OverlayTracker tracker = OverlayTracker.create(16.0 / 9);
        for (int s = 0; s <= 4; s++) {
            tracker.accept(s, List.of(new TextLine(new Box(0.05, 0.92, 0.30, 0.96), "2024/05/12 14:33:0" + s, 0.9),
                    new TextLine(new Box(0.40, 0.92, 0.55, 0.96), "54 km/h", 0.9)));
        }

        List<OverlayTracker.LineArea> areas = tracker.lineAreas();

        assertThat(areas).hasSize(2);
        Box clock = areas.get(0).area();
        Box speed = areas.get(1).area();
        double grow = OverlayTracker.LINE_GROWTH * 0.04 / (16.0 / 9);
        assertThat(clock.x1()).isCloseTo(0.05 - grow, within(1e-9));
        assertThat(clock.x2()).isCloseTo(0.30 + grow, within(1e-9));
        assertThat(speed.x2()).isCloseTo(0.55 + grow, within(1e-9));
        assertThat(clock.y1()).isCloseTo(0.91, within(1e-9));
        assertThat(clock.y2()).isCloseTo(0.97, within(1e-9));
        assertThat(clock.x2()).isLessThanOrEqualTo(speed.x1());
    }

    @Test
    void lineAreas_whenNeighbourIsCloserThanTheirGrowth_stopAtTheMidpoint() {
        OverlayTracker tracker = OverlayTracker.create(16.0 / 9);
        // 0.06 apart: a wide enough gap to stay two overlays, narrower than both grown areas together
        for (int s = 0; s <= 4; s++) {
            tracker.accept(s, List.of(new TextLine(new Box(0.02, 0.92, 0.30, 0.96), "CAM 01", 0.9),
                    new TextLine(new Box(0.36, 0.92, 0.60, 0.96), "14:33:0" + s, 0.9)));
        }

        List<OverlayTracker.LineArea> areas = tracker.lineAreas();

        assertThat(areas).hasSize(2);
        assertThat(areas.get(0).area().x2()).isCloseTo(0.33, within(1e-9));
        assertThat(areas.get(1).area().x1()).isCloseTo(0.33, within(1e-9));
    }

    @Test
    void borders_areTheTopAndBottomBandsWhereOverlaysMayBe() {
        assertThat(OverlayTracker.create(ASPECT).borders()).containsExactly(new Box(0, 0, 1, 0.25), new Box(0, 0.75, 1, 1));
        OverlayTracker anywhere = OverlayTracker.create(ASPECT, new OverlayTracker.Settings(3.0, 3, 0.6, 10.0, 0.5));
        assertThat(anywhere.borders()).containsExactly(new Box(0, 0, 1, 1));
    }
}
