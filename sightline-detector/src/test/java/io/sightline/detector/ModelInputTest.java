package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelInputTest {
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
        ModelInput input = ModelInput.of(uniform(1280, 720, 200, 10, 50), 512, Fit.LETTERBOX);

        // 1280x720 → 512x288, bands of 112 rows above and below
        assertThat(input.pixels[(100 * 512 + 256) * 3]).isEqualTo(114f);
        assertThat(input.pixels[(256 * 512 + 256) * 3]).isCloseTo(200f, within(0.01f));
        assertThat(input.pixels[(256 * 512 + 256) * 3 + 2]).isCloseTo(50f, within(0.01f));
        assertThat(input.pixels[(420 * 512 + 256) * 3]).isEqualTo(114f);
    }

    @Test
    void toFrame_whenLetterboxed_mapsTheContentAreaToTheWholeFrame() {
        ModelInput input = ModelInput.of(RgbImage.blank(1280, 720), 512, Fit.LETTERBOX);

        Box box = input.toFrame(0, 112, 256, 400);

        assertThat(box.x1()).isCloseTo(0, within(1e-9));
        assertThat(box.y1()).isCloseTo(0, within(1e-9));
        assertThat(box.x2()).isCloseTo(0.5, within(1e-9));
        assertThat(box.y2()).isCloseTo(1, within(1e-9));
    }

    @Test
    void toFrame_whenBoxReachesIntoThePadding_clipsToTheFrame() {
        ModelInput input = ModelInput.of(RgbImage.blank(1280, 720), 512, Fit.LETTERBOX);

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

        float[] out = ModelInput.resample(new RgbImage(64, 8, px), 16, 2);

        for (int x = 2; x < 14; x++) assertThat(out[(16 + x) * 3]).isCloseTo(127.5f, within(20f));
    }

    @Test
    void resample_whenImageIsTransposed_givesTheTransposedResult() {
        // the filter is the same down the columns as across the rows, though each direction has its own code
        int width = 53, height = 37, outWidth = 31, outHeight = 23;
        byte[] px = new byte[width * height * 3];
        new Random(7).nextBytes(px);
        byte[] transposed = new byte[px.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) System.arraycopy(px, (y * width + x) * 3, transposed, (x * height + y) * 3, 3);
        }

        float[] out = ModelInput.resample(new RgbImage(width, height, px), outWidth, outHeight);
        float[] outOfTransposed = ModelInput.resample(new RgbImage(height, width, transposed), outHeight, outWidth);

        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(outOfTransposed[(x * outHeight + y) * 3 + c]).as("pixel %d,%d", x, y)
                            .isCloseTo(out[(y * outWidth + x) * 3 + c], within(1e-3f));
                }
            }
        }
    }

    @Test
    void channelsFirst_whenConverted_separatesThePlanes() {
        ModelInput input = ModelInput.of(uniform(10, 10, 1, 2, 3), 4, Fit.STRETCH);

        float[] planes = input.channelsFirst();

        assertThat(planes[0]).isCloseTo(1f, within(1e-4f));
        assertThat(planes[16]).isCloseTo(2f, within(1e-4f));
        assertThat(planes[47]).isCloseTo(3f, within(1e-4f));
    }

    @Test
    void fitted_whenFrameIs16By9_isExactlyTheScaledFrameWithoutPadding() {
        ModelInput input = ModelInput.fitted(uniform(1280, 720, 200, 10, 50), 512, 32);

        assertThat(input.width).isEqualTo(512);
        assertThat(input.height).isEqualTo(288);
        assertThat(input.pixels).hasSize(512 * 288 * 3);
        assertThat(input.pixels[0]).isCloseTo(200f, within(0.01f));
        Box whole = input.toFrame(0, 0, 512, 288);
        assertThat(whole.x1()).isZero();
        assertThat(whole.y2()).isEqualTo(1.0);
    }

    @Test
    void fitted_whenShapeIsNoMultipleOfTheStride_padsTheShortSideEvenlyAndMapsBoxesBack() {
        // 700x500 → 512x366, padded to 512x384: 9 grey rows above, 9 below
        ModelInput input = ModelInput.fitted(uniform(700, 500, 10, 20, 30), 512, 32);

        assertThat(input.height).isEqualTo(384);
        assertThat(input.pixels[(4 * 512 + 256) * 3]).isEqualTo(114f);
        assertThat(input.pixels[(192 * 512 + 256) * 3]).isCloseTo(10f, within(0.01f));
        Box box = input.toFrame(0, 9, 256, 9 + 183);
        assertThat(box.y1()).isCloseTo(0.0, within(1e-9));
        assertThat(box.y2()).isCloseTo(0.5, within(1e-9));
        assertThat(box.x2()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void fittedSize_whenPortrait_isTheLandscapeSizeTurned() {
        assertThat(ModelInput.fittedSize(720, 1280, 512, 32)).containsExactly(288, 512);
        assertThat(ModelInput.fittedSize(640, 480, 512, 32)).containsExactly(512, 384);
    }
}
