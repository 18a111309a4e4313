package io.sightline.detector.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import org.junit.jupiter.api.Test;

class DominantColorTest {
    private static final int W = 320;
    private static final int H = 180;

    private static void fill(RgbImage image, int x1, int y1, int x2, int y2, int r, int g, int b) {
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                int i = (y * image.width() + x) * 3;
                image.pixels()[i] = (byte) r;
                image.pixels()[i + 1] = (byte) g;
                image.pixels()[i + 2] = (byte) b;
            }
        }
    }

    /** A car seen from behind: body colour, a dark rear window on top, dark tyres at the bottom, on grey road. */
    private static RgbImage car(int r, int g, int b) {
        RgbImage image = RgbImage.blank(W, H);
        fill(image, 0, 0, W, H, 105, 105, 108);
        fill(image, 100, 60, 220, 140, r, g, b);
        fill(image, 115, 62, 205, 90, 25, 28, 30);
        fill(image, 105, 130, 130, 140, 15, 15, 15);
        fill(image, 190, 130, 215, 140, 15, 15, 15);
        return image;
    }

    private static final Box CAR_BOX = new Box(100.0 / W, 60.0 / H, 220.0 / W, 140.0 / H);

    @Test
    void of_whenRedCarWithDarkWindow_isRed() {
        assertThat(DominantColor.of(car(190, 25, 30), CAR_BOX)).isEqualTo(ColorName.RED);
    }

    @Test
    void of_whenWhiteCarWithDarkWindow_isWhite() {
        assertThat(DominantColor.of(car(235, 235, 232), CAR_BOX)).isEqualTo(ColorName.WHITE);
    }

    @Test
    void of_whenGreyCarShowsMoreWindowAndShadowThanPaint_isGrey() {
        // window and shadow: 55 % of the centre; grey body 45 %
        RgbImage image = bodyOnGrass(120, 120, 124);
        fill(image, 100, 60, 220, 104, 22, 24, 26);
        assertThat(DominantColor.of(image, CAR_BOX)).isEqualTo(ColorName.GREY);
    }

    @Test
    void of_whenBlackCarCatchesALittleLight_isBlack() {
        // a black body with a grey reflection band: 20 % of the centre
        RgbImage image = bodyOnGrass(20, 20, 22);
        fill(image, 100, 90, 220, 100, 120, 120, 124);
        assertThat(DominantColor.of(image, CAR_BOX)).isEqualTo(ColorName.BLACK);
    }

    /** A car body filling {@link #CAR_BOX} on green, so no grey of the background is discounted. */
    private static RgbImage bodyOnGrass(int r, int g, int b) {
        RgbImage image = RgbImage.blank(W, H);
        fill(image, 0, 0, W, H, 60, 150, 60);
        fill(image, 100, 60, 220, 140, r, g, b);
        return image;
    }

    @Test
    void of_whenBlueCar_isBlue() {
        assertThat(DominantColor.of(car(30, 60, 170), CAR_BOX)).isEqualTo(ColorName.BLUE);
    }

    @Test
    void of_whenBoxIsLooseAroundASmallObject_ignoresTheBackgroundItShares() {
        // a narrow yellow jacket in a box of green lawn: lawn is the larger part of the box's
        // centre, but also all around the box, so it counts half
        RgbImage image = RgbImage.blank(W, H);
        fill(image, 0, 0, W, H, 50, 140, 60);
        fill(image, 146, 40, 174, 150, 230, 200, 40);
        Box loose = new Box(110.0 / W, 40.0 / H, 210.0 / W, 150.0 / H);

        assertThat(DominantColor.of(image, loose)).isEqualTo(ColorName.YELLOW);
    }

    @Test
    void of_whenBoxIsTiny_isUnknown() {
        assertThat(DominantColor.of(car(190, 25, 30), new Box(0.5, 0.5, 0.505, 0.505))).isEqualTo(ColorName.UNKNOWN);
    }

    @Test
    void of_whenBoxIsAtTheFrameEdge_doesNotReadOutsideTheImage() {
        RgbImage image = RgbImage.blank(W, H);
        fill(image, 0, 0, 40, H, 30, 60, 170);

        assertThat(DominantColor.of(image, new Box(0, 0, 40.0 / W, 1))).isEqualTo(ColorName.BLUE);
    }
}
