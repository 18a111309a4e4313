package io.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelStore;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcrEngineTest {
    private static OcrEngine ocr;

    @BeforeAll
    static void load() {
        ocr = OcrEngine.create(ModelStore.create(ModelStore.defaultDirectory()));
        ocr.warmUp();
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    private static List<String> texts(List<TextLine> lines) {
        return lines.stream().map(TextLine::text).toList();
    }

    @Test
    void read_whenDashcamOverlayInCorner_readsBothLinesExactly() {
        RgbImage frame = new RenderedFrame(1280, 720, 1)
                .text("2024/05/12 14:33:07", Font.MONOSPACED, Font.PLAIN, 26, 20, 650, Color.WHITE)
                .text("N37.7749 W122.4194 54 km/h", Font.MONOSPACED, Font.PLAIN, 26, 20, 690, Color.WHITE)
                .toRgb();

        long start = System.nanoTime();
        List<TextLine> lines = ocr.read(frame);
        System.out.printf("full 1280x720 read: %d ms, %s%n", (System.nanoTime() - start) / 1_000_000, lines);

        assertThat(texts(lines)).containsExactly("2024/05/12 14:33:07", "N37.7749 W122.4194 54 km/h");
        TextLine clock = lines.get(0);
        assertThat(clock.box().x1()).isBetween(0.0, 0.03);
        assertThat(clock.box().y1()).isBetween(0.85, 0.9);
        assertThat(clock.confidence()).isGreaterThan(0.9);
    }

    @Test
    void read_whenRegionGiven_readsOnlyInsideItAndReturnsFrameCoordinates() {
        RgbImage frame = new RenderedFrame(1280, 720, 2)
                .text("SPEED 88 KM/H", Font.SANS_SERIF, Font.BOLD, 22, 900, 40, Color.YELLOW)
                .text("2019-11-03 21:04:55", Font.SERIF, Font.PLAIN, 24, 20, 700, Color.WHITE)
                .toRgb();

        long start = System.nanoTime();
        List<TextLine> lines = ocr.read(frame, new Box(0.6, 0.0, 1.0, 0.1));
        System.out.printf("region read: %d ms, %s%n", (System.nanoTime() - start) / 1_000_000, lines);

        assertThat(texts(lines)).containsExactly("SPEED 88 KM/H");
        assertThat(lines.get(0).box().x1()).isGreaterThan(0.68);
    }

    @Test
    void read_whenOnlySomeLinesWanted_recognisesOnlyThoseAndLeavesTheRestAsTheWholeReadHasThem() {
        RgbImage frame = new RenderedFrame(1280, 720, 6)
                .text("2024/05/12 14:33:07", Font.MONOSPACED, Font.PLAIN, 26, 20, 650, Color.WHITE)
                .sign("EXIT 25 Main St", 700, 200, 30)
                .toRgb();
        List<TextLine> whole = ocr.read(frame);

        List<TextLine> upper = ocr.read(frame, box -> box.y2() < 0.5);

        assertThat(texts(whole)).contains("2024/05/12 14:33:07", "EXIT 25 Main St");
        // the same boxes and texts; confidences may differ a little, as a line's batch (and its padding) differs
        assertThat(upper).extracting(TextLine::box, TextLine::text).containsExactlyElementsOf(whole.stream()
                .filter(l -> l.box().y2() < 0.5).map(l -> tuple(l.box(), l.text())).toList());
        assertThat(texts(upper)).contains("EXIT 25 Main St").doesNotContain("2024/05/12 14:33:07");
    }

    @Test
    void read_whenSmallSansSerifText_readsIt() {
        RgbImage frame = new RenderedFrame(960, 540, 3)
                .text("09/18/2015 7:53:29 PM", Font.SANS_SERIF, Font.PLAIN, 16, 600, 25, Color.WHITE)
                .toRgb();

        assertThat(texts(ocr.read(frame))).containsExactly("09/18/2015 7:53:29 PM");
    }

    @ParameterizedTest
    @CsvSource({"Monospaced, 14", "Monospaced, 20", "Monospaced, 32", "SansSerif, 14", "SansSerif, 20", "SansSerif, 32",
            "Serif, 14", "Serif, 20", "Serif, 32", "Dialog, 18"})
    void read_whenOverlayInVariousFontsAndSizes_readsTimestampAndSpeed(String font, int size) {
        RgbImage frame = new RenderedFrame(1280, 720, size)
                .text("18.09.2015 07:53:29", font, Font.PLAIN, size, 900, 40, Color.WHITE)
                .text("54 km/h", font, Font.BOLD, size, 20, 700, Color.YELLOW)
                .toRgb();

        assertThat(texts(ocr.read(frame))).containsExactly("18.09.2015 07:53:29", "54 km/h");
    }

    @Test
    void read_whenSignInScene_readsSignText() {
        RgbImage frame = new RenderedFrame(1280, 720, 4).sign("EXIT 25 Main St", 700, 200, 30).toRgb();

        assertThat(texts(ocr.read(frame))).containsExactly("EXIT 25 Main St");
    }

    @Test
    void read_whenNoText_returnsNothing() {
        assertThat(ocr.read(new RenderedFrame(640, 360, 5).toRgb())).isEmpty();
    }
}
