package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import org.junit.jupiter.api.Test;

class SquareInputTest {
    private static RgbImage uniform(int width, int height, int r, int g, int b) {
        byte[] px = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            px[i * 3] = (byte) r;
            px[i * 3 + 1] = (byte) g;
            px[i * 3 + 2] = (byte) b;
        }
        return new RgbImage(width, height, px);
    }

    @Test
    void of_whenLetterboxingAWideFrame_padsAboveAndBelow() {
        SquareInput input = SquareInput.of(uniform(1280, 720, 200, 10, 50), 512, Fit.LETTERBOX);

        // 1280x720 → 512x288, bands of 112 rows above and below
        assertThat(input.pixels[(100 * 512 + 256) * 3]).isEqualTo(114f);
        assertThat(input.pixels[(256 * 512 + 256) * 3]).isCloseTo(200f, within(0.01f));
        assertThat(input.pixels[(256 * 512 + 256) * 3 + 2]).isCloseTo(50f, within(0.01f));
        assertThat(input.pixels[(420 * 512 + 256) * 3]).isEqualTo(114f);
    }

    @Test
    void toFrame_whenLetterboxed_mapsTheContentAreaToTheWholeFrame() {
        SquareInput input = SquareInput.of(RgbImage.blank(1280, 720), 512, Fit.LETTERBOX);

        Box box = input.toFrame(0, 112, 256, 400);

        assertThat(box.x1()).isCloseTo(0, within(1e-9));
        assertThat(box.y1()).isCloseTo(0, within(1e-9));
        assertThat(box.x2()).isCloseTo(0.5, within(1e-9));
        assertThat(box.y2()).isCloseTo(1, within(1e-9));
    }

    @Test
    void toFrame_whenBoxReachesIntoThePadding_clipsToTheFrame() {
        SquareInput input = SquareInput.of(RgbImage.blank(1280, 720), 512, Fit.LETTERBOX);

        Box box = input.toFrame(-10, 50, 100, 600);

        assertThat(box.x1()).isZero();
        assertThat(box.y1()).isZero();
        assertThat(box.y2()).isEqualTo(1);
    }

    @Test
    void resample_whenShrinkingStripes_averagesInsteadOfSkipping() {
        // one-pixel black/white columns: point sampling at 1/4 scale would see only one of them
        byte[] px = new byte[64 * 8 * 3];
        for (int y = 0; y < 8; y++) for (int x = 0; x < 64; x += 2) for (int c = 0; c < 3; c++) px[(y * 64 + x) * 3 + c] = (byte) 255;

        float[] out = SquareInput.resample(new RgbImage(64, 8, px), 16, 2);

        for (int x = 2; x < 14; x++) assertThat(out[(16 + x) * 3]).isCloseTo(127.5f, within(20f));
    }

    @Test
    void channelsFirst_whenConverted_separatesThePlanes() {
        SquareInput input = SquareInput.of(uniform(10, 10, 1, 2, 3), 4, Fit.STRETCH);

        float[] planes = input.channelsFirst();

        assertThat(planes[0]).isCloseTo(1f, within(1e-4f));
        assertThat(planes[16]).isCloseTo(2f, within(1e-4f));
        assertThat(planes[47]).isCloseTo(3f, within(1e-4f));
    }
}
