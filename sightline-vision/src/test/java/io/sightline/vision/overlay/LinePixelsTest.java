package io.sightline.vision.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.ocr.RenderedFrame;
import java.awt.Color;
import java.awt.Font;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinePixelsTest {
    private static final Box LINE = new Box(0.01, 0.88, 0.45, 0.95);

    private static RgbImage frame(String text, int noiseSeed) {
        RgbImage image = new RenderedFrame(1280, 720, 7).text(text, Font.MONOSPACED, Font.PLAIN, 24, 20, 660, Color.WHITE).toRgb();
        // compression-like noise: a few levels on every pixel
        Random noise = new Random(noiseSeed);
        byte[] px = image.pixels();
        for (int i = 0; i < px.length; i++) px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xff) + noise.nextInt(7) - 3));
        return image;
    }

    @Test
    void sameAs_whenOnlyNoiseDiffers_isTrue() {
        assertThat(LinePixels.of(frame("2024/05/12 14:33:07", 1), LINE).sameAs(LinePixels.of(frame("2024/05/12 14:33:07", 2), LINE))).isTrue();
    }

    @Test
    void sameAs_whenOneDigitChanged_isFalse() {
        assertThat(LinePixels.of(frame("2024/05/12 14:33:07", 1), LINE).sameAs(LinePixels.of(frame("2024/05/12 14:33:08", 2), LINE))).isFalse();
        // a 6 turned 9 keeps the digit's brightness: cells half a line high still tell them apart
        assertThat(LinePixels.of(frame("2024/05/12 14:33:06", 1), LINE).sameAs(LinePixels.of(frame("2024/05/12 14:33:09", 2), LINE))).isFalse();
    }

    @Test
    void sameAs_whenAreasDifferInSize_isFalse() {
        assertThat(LinePixels.of(frame("CAM 1", 1), LINE).sameAs(LinePixels.of(frame("CAM 1", 1), new Box(0.01, 0.88, 0.40, 0.95)))).isFalse();
    }
}
