package io.sightline.detector;

import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelSpec;
import io.sightline.vision.model.ModelStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Inputs for the detector tests: generated frames, and real photos taken from a package the
 * registry serves. {@code @vladmandic/human} (MIT) ships {@code assets/samples.jpg}, a contact
 * sheet of its demo results whose top row holds small, unannotated photos of people; the tests
 * crop single photos out of it. It is fetched and verified like a model, through the same store
 * and cache directory.
 */
final class TestImages {
    static final String HUMAN_SAMPLES = "human-samples";
    private static final ModelSpec HUMAN_SAMPLES_SPEC = new ModelSpec(HUMAN_SAMPLES, "3.3.5", "npm:@vladmandic/human@3.3.5",
            Map.of("assets/samples.jpg", "cc08cc353cbb38beb0ac32a0900a92e78a3656acb477212ac360e3da6331bb9e"));

    private TestImages() {}

    /** The shared model cache ({@code $SIGHTLINE_MODELS_DIR} or {@code ~/.cache/sightline/models}) plus the test photos. */
    static ModelStore store() {
        List<ModelSpec> catalog = new ArrayList<>(ModelCatalog.all());
        catalog.add(HUMAN_SAMPLES_SPEC);
        return ModelStore.builder().directory(ModelStore.defaultDirectory()).catalog(catalog).build();
    }

    /** A man in a suit seated at a dinner table, 180×160 (third photo of the contact sheet's top row). */
    static RgbImage seatedMan(ModelStore store) {
        return crop(store, 330, 2, 180, 156);
    }

    /** A woman standing, full figure, on a light background (first photo of the top row). */
    static RgbImage standingWoman(ModelStore store) {
        return crop(store, 4, 2, 150, 156);
    }

    private static RgbImage crop(ModelStore store, int x, int y, int width, int height) {
        Path sheet = store.path(HUMAN_SAMPLES, "assets/samples.jpg");
        try {
            BufferedImage image = ImageIO.read(sheet.toFile());
            return toRgb(image.getSubimage(x, y, width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int i = (y * w + x) * 3;
                px[i] = (byte) (rgb >> 16);
                px[i + 1] = (byte) (rgb >> 8);
                px[i + 2] = (byte) rgb;
            }
        }
        return new RgbImage(w, h, px);
    }

    /** A 1280×720 frame with nothing in it: a sky-to-ground gradient with sensor-like noise. */
    static RgbImage emptyScene() {
        Random random = new Random(7);
        int w = 1280;
        int h = 720;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            double t = (double) y / h;
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = (byte) clamp(140 - 60 * t + random.nextGaussian() * 4);
                px[i + 1] = (byte) clamp(170 - 70 * t + random.nextGaussian() * 4);
                px[i + 2] = (byte) clamp(220 - 130 * t + random.nextGaussian() * 4);
            }
        }
        return new RgbImage(w, h, px);
    }

    /** {@code photo} enlarged {@code zoom} times (nearest pixel) and pasted into a grey 1280×720 frame at (x, y). */
    static RgbImage pasted(RgbImage photo, int zoom, int x, int y) {
        int w = 1280;
        int h = 720;
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) 128);
        for (int row = 0; row < photo.height() * zoom; row++) {
            for (int col = 0; col < photo.width() * zoom; col++) {
                int from = ((row / zoom) * photo.width() + col / zoom) * 3;
                System.arraycopy(photo.pixels(), from, px, ((y + row) * w + x + col) * 3, 3);
            }
        }
        return new RgbImage(w, h, px);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
