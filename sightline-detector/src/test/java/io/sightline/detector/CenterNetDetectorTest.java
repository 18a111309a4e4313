package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.sightline.detector.tfjs.ConvertedModelCache;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CenterNetDetectorTest extends DetectorContractTest {
    private static final String EXPORTED_DETECTIONS = "tower_0/detections";

    @Override
    LoadableDetector create(ModelStore store, DetectorSettings settings) {
        return Detectors.centerNet(store, settings);
    }

    @Override
    Path graphJson(ModelStore store) {
        return store.path(ModelCatalog.CENTERNET, ModelCatalog.CENTERNET_GRAPH);
    }

    @Override
    ConvertedModelCache.Conversion conversion() {
        return CenterNetDetector.CONVERSION;
    }

    @Test
    void decode_whenInputIsTheExportedSquare_findsWhatTheExportedGraphFinds() {
        RgbImage photo = TestImages.pasted(TestImages.seatedMan(store), 1, 100, 40);
        ModelInput input = ModelInput.of(photo, CenterNetDetector.INPUT_SIZE, Fit.LETTERBOX);
        List<Detection> exported;
        try (TfGraphModel full = new TfGraphModel(() -> graphJson(store), CenterNetGraph.INPUT, shape(input), List.of(EXPORTED_DETECTIONS),
                UnaryOperator.identity(), 2)) {
            exported = rows(full.run(input.pixels)[0], input);
        }
        List<Detection> decoded;
        try (CenterNetDetector detector = CenterNetDetector.create(graphJson(store))) {
            float[][] maps = detector.maps(input);
            decoded = sorted(detector.decode(maps[0], maps[1], input));
        }

        assertThat(exported).isNotEmpty();
        assertThat(decoded).hasSameSizeAs(exported);
        for (int i = 0; i < exported.size(); i++) {
            assertThat(decoded.get(i).label()).isEqualTo(exported.get(i).label());
            assertThat(decoded.get(i).score()).isCloseTo(exported.get(i).score(), within(1e-4));
            assertThat(decoded.get(i).box().iou(exported.get(i).box())).isGreaterThan(0.999);
        }
    }

    @Test
    void decode_whenNeighbouringCellsScore_keepsOnlyTheHighestOfEachClassAndTies() {
        ModelInput input = ModelInput.fitted(RgbImage.blank(512, 256), CenterNetDetector.INPUT_SIZE, CenterNetGraph.MULTIPLE);
        int columns = input.width / CenterNetDetector.STRIDE;
        float[] scores = new float[columns * (input.height / CenterNetDetector.STRIDE) * CocoLabels.all().size()];
        float[] boxSizes = new float[scores.length / CocoLabels.all().size() * 4];
        score(scores, columns, 10, 10, "car", 0.9f);
        score(scores, columns, 11, 11, "car", 0.8f);      // a diagonal neighbour of a better car: not a peak
        score(scores, columns, 11, 10, "person", 0.7f);   // beside it, but of another class: a peak of its own
        score(scores, columns, 40, 20, "car", 0.6f);
        score(scores, columns, 41, 20, "car", 0.6f);      // a tie: the graph's max pool keeps both
        score(scores, columns, 0, 0, "car", 0.5f);        // in the corner, with neighbours on two sides only

        try (CenterNetDetector detector = CenterNetDetector.create(graphJson(store))) {
            List<Detection> found = detector.decode(scores, boxSizes, input);

            assertThat(found).extracting(Detection::label, Detection::score).containsExactlyInAnyOrder(
                    tuple("car", (double) 0.9f), tuple("person", (double) 0.7f), tuple("car", (double) 0.6f),
                    tuple("car", (double) 0.6f), tuple("car", (double) 0.5f));
        }
    }

    @Test
    void maps_whenInputIsWide_areWhatTensorFlowComputesAtThatShape() {
        // the ONNX model upsamples by scales; TensorFlow's graph by sizes rewritten for this shape
        RgbImage wide = TestImages.pasted(TestImages.seatedMan(store), 1, 700, 60);
        ModelInput input = ModelInput.fitted(wide, CenterNetDetector.INPUT_SIZE, CenterNetGraph.MULTIPLE);
        float[][] reference;
        try (TfGraphModel tf = new TfGraphModel(() -> graphJson(store), CenterNetGraph.INPUT, shape(input),
                List.of(CenterNetGraph.CLASS_SCORES, CenterNetGraph.BOX_SIZES), graph -> CenterNetGraph.forInput(graph, input.height, input.width), 2)) {
            reference = tf.run(input.pixels);
        }
        float[][] converted;
        try (CenterNetDetector detector = CenterNetDetector.create(graphJson(store))) {
            converted = detector.maps(input);
        }

        assertThat(input.width).isNotEqualTo(input.height);
        for (int map = 0; map < 2; map++) {
            assertThat(converted[map]).hasSameSizeAs(reference[map]);
            float largest = 0;
            for (float v : reference[map]) largest = Math.max(largest, Math.abs(v));
            assertThat(largest).isPositive();
            for (int i = 0; i < reference[map].length; i++) {
                assertThat(converted[map][i]).as("map %d, value %d", map, i).isCloseTo(reference[map][i], within(largest * 1e-3f));
            }
        }
    }

    @Test
    void detect_whenFrameIsWide_runsAtItsOwnShapeAndFindsThePersonWhereTheSquareDoes() {
        RgbImage wide = TestImages.pasted(TestImages.seatedMan(store), 1, 700, 60);
        try (CenterNetDetector fitted = CenterNetDetector.create(graphJson(store));
             CenterNetDetector square = CenterNetDetector.create(graphJson(store), DetectorSettings.defaults().withFit(Fit.STRETCH))) {
            assertThat(ModelInput.fittedSize(wide.width(), wide.height(), CenterNetDetector.INPUT_SIZE, CenterNetGraph.MULTIPLE))
                    .containsExactly(512, 288);
            Detection person = fitted.detect(wide).stream().filter(d -> d.label().equals("person")).findFirst().orElseThrow();
            Detection stretched = square.detect(wide).stream().filter(d -> d.label().equals("person")).findFirst().orElseThrow();

            assertThat(person.box().iou(stretched.box())).isGreaterThan(0.6);
            assertThat(person.box().centerX()).isGreaterThan(0.5);
        }
    }

    @Test
    void detect_whenVideosOfManyShapesCome_findsThePersonInEach() {
        RgbImage photo = TestImages.seatedMan(store);
        try (CenterNetDetector detector = CenterNetDetector.create(graphJson(store))) {
            for (int[] size : new int[][] {{1280, 720}, {640, 480}, {600, 600}, {600, 400}, {640, 400}, {800, 400}}) {
                RgbImage frame = onCanvas(photo, size[0], size[1]);
                assertThat(detector.detect(frame)).as("%dx%d", size[0], size[1]).anySatisfy(d -> assertThat(d.label()).isEqualTo("person"));
            }
        }
    }

    /** Sets the score of one class in the cell at (column, row) of a class score map. */
    private static void score(float[] scores, int columns, int column, int row, String label, float value) {
        scores[(row * columns + column) * CocoLabels.all().size() + CocoLabels.id(label)] = value;
    }

    private static long[] shape(ModelInput input) {
        return new long[] {1, input.height, input.width, 3};
    }

    /** The photo, cut to fit, in the middle of a grey canvas of the given size. */
    private static RgbImage onCanvas(RgbImage photo, int width, int height) {
        byte[] px = new byte[width * height * 3];
        java.util.Arrays.fill(px, (byte) 128);
        int w = Math.min(photo.width(), width), h = Math.min(photo.height(), height);
        int left = (width - w) / 2, top = (height - h) / 2;
        for (int y = 0; y < h; y++) System.arraycopy(photo.pixels(), y * photo.width() * 3, px, ((top + y) * width + left) * 3, w * 3);
        return new RgbImage(width, height, px);
    }

    /** The exported graph's rows (x1, y1, x2, y2, score, class) above the default threshold, best first. */
    private static List<Detection> rows(float[] rows, ModelInput input) {
        List<Detection> found = new ArrayList<>();
        double threshold = DetectorSettings.defaults().scoreThreshold();
        for (int r = 0; r + 6 <= rows.length; r += 6) {
            if (rows[r + 4] < threshold) continue;
            int classId = Math.round(rows[r + 5]);
            found.add(new Detection(CocoLabels.name(classId), classId, rows[r + 4], input.toFrame(rows[r], rows[r + 1], rows[r + 2], rows[r + 3])));
        }
        return sorted(found);
    }

    private static List<Detection> sorted(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed().thenComparingInt(Detection::classId));
        return sorted;
    }
}
