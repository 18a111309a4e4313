package io.sightline.vision.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.ocr.RenderedFrame;
import io.sightline.vision.onnx.OnnxGraph.Attribute;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxSimplifierTest {
    private static final long[] INPUT = {1, 2, 6, 7};
    private final Random random = new Random(3);

    @Test
    void simplify_whenConvolutionsHaveAffinesAndHardSwish_computesTheSameInFewerOps() throws OrtException {
        OnnxGraph g = new OnnxGraph();
        g.input("image", INPUT[0], INPUT[1], INPUT[2], INPUT[3]);
        String x = conv(g, "conv1", "image", 3, 2, 3, true, true);
        x = affine(g, "after1", x, 0.7f, -0.2f);
        x = hardSwish(g, "hs", x);
        x = affine(g, "before2", x, 1.3f, 0.4f);
        x = conv(g, "conv2", x, 4, 3, 1, false, true);
        x = g.node("Relu", "relu", List.of(x));
        x = affine(g, "before3", x, 0.5f, 0.25f);
        x = conv(g, "conv3", x, 2, 4, 3, true, false);
        x = g.node("Relu", "relu3", List.of(x));
        x = g.node("Mul", "before4", List.of(x, g.floats("before4/scale", new long[0], new float[] {0.8f})));
        x = conv(g, "conv4", x, 2, 2, 3, true, true);
        g.output(x);
        byte[] model = g.toModel("test", "test");

        OnnxSimplifier.Simplified simplified = OnnxSimplifier.simplify(model);

        assertThat(simplified.affinesAfter()).isEqualTo(1);
        assertThat(simplified.affinesBefore()).isEqualTo(3);
        assertThat(simplified.hardSwishes()).isEqualTo(1);
        assertThat(ops(simplified.model())).containsExactly("Conv", "HardSigmoid", "Mul", "Conv", "Relu", "Add", "Conv", "Relu", "Conv");
        assertSameOutputs(model, simplified.model());
    }

    @Test
    void simplify_whenAnIntermediateIsReadElsewhere_leavesThatChainAlone() throws OrtException {
        OnnxGraph g = new OnnxGraph();
        g.input("image", INPUT[0], INPUT[1], INPUT[2], INPUT[3]);
        String conv = conv(g, "conv1", "image", 3, 2, 3, true, true);
        String scaled = affine(g, "after1", conv, 0.7f, -0.2f);
        g.output(scaled);
        g.output(conv); // the convolution's own output is wanted too: folding the affine into it would change it
        byte[] model = g.toModel("test", "test");

        OnnxSimplifier.Simplified simplified = OnnxSimplifier.simplify(model);

        assertThat(simplified.rewrites()).isZero();
        assertThat(ops(simplified.model())).containsExactly("Conv", "Mul", "Add");
        assertSameOutputs(model, simplified.model());
    }

    @Test
    void simplify_whenModelsArePaddleOcrs_rewritesTheirChainsAndKeepsWhatTheyCompute() throws Exception {
        ModelStore store = ModelStore.create(ModelStore.defaultDirectory());
        RgbImage frame = new RenderedFrame(320, 96, 5).text("2024/05/12 14:33:07", "SansSerif", java.awt.Font.BOLD, 22, 10, 40, Color.WHITE)
                .text("N37.7749 W122.4194", "Monospaced", java.awt.Font.PLAIN, 18, 10, 80, Color.YELLOW).toRgb();
        for (String file : List.of(ModelCatalog.PPOCR_DETECTION, ModelCatalog.PPOCR_RECOGNITION)) {
            byte[] model = Files.readAllBytes(store.path(ModelCatalog.PPOCR_V4, file));
            long[] shape = file.equals(ModelCatalog.PPOCR_DETECTION) ? new long[] {1, 3, 96, 320} : new long[] {1, 3, 48, 320};

            OnnxSimplifier.Simplified simplified = OnnxSimplifier.simplify(model);

            assertThat(simplified.affinesAfter()).as(file).isPositive();
            assertThat(simplified.affinesBefore()).as(file).isPositive();
            assertThat(simplified.hardSwishes()).as(file).isPositive();
            // every Clip of these models is a hard-swish's
            assertThat(ops(simplified.model())).as(file).doesNotContain("Clip").hasSizeLessThan(ops(model).size() * 2 / 3);
            float[] planar = planar(frame, (int) shape[2], (int) shape[3]);
            assertClose(run(model, planar, shape), run(simplified.model(), planar, shape), 1e-4f);
        }
    }

    private String conv(OnnxGraph g, String name, String input, int out, int in, int kernel, boolean pad, boolean bias) {
        List<String> inputs = new ArrayList<>(List.of(input, g.floats(name + "/W", new long[] {out, in, kernel, kernel}, randoms(out * in * kernel * kernel))));
        if (bias) inputs.add(g.floats(name + "/B", new long[] {out}, randoms(out)));
        int p = pad ? kernel / 2 : 0;
        return g.node("Conv", name, inputs, Attribute.ints("kernel_shape", kernel, kernel), Attribute.ints("pads", p, p, p, p));
    }

    private static String affine(OnnxGraph g, String name, String input, float scale, float shift) {
        String scaled = g.node("Mul", name + "/mul", List.of(input, g.floats(name + "/scale", new long[0], new float[] {scale})));
        return g.node("Add", name + "/add", List.of(scaled, g.floats(name + "/shift", new long[0], new float[] {shift})));
    }

    /** As PaddleOCR's exports write it: x * clip(x + 3, 0, 6) / 6. */
    private static String hardSwish(OnnxGraph g, String name, String x) {
        String shifted = g.node("Add", name + "/add", List.of(x, g.floats("three", new long[0], new float[] {3})));
        String clipped = g.node("Clip", name + "/clip", List.of(shifted, g.floats("zero", new long[0], new float[] {0}),
                g.floats("six", new long[0], new float[] {6})));
        String product = g.node("Mul", name + "/mul", List.of(x, clipped));
        return g.node("Div", name + "/div", List.of(product, "six"));
    }

    private float[] randoms(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian();
        return values;
    }

    /** The op types of the model's nodes, in order. */
    private static List<String> ops(byte[] model) {
        List<String> ops = new ArrayList<>();
        for (Protobuf.Field m : Protobuf.fields(model)) {
            if (m.number() != 7) continue;
            for (Protobuf.Field g : Protobuf.fields(m.bytes())) {
                if (g.number() != 1) continue;
                Protobuf.fields(g.bytes()).stream().filter(f -> f.number() == 4).forEach(f -> ops.add(f.string()));
            }
        }
        return ops;
    }

    /** The top rows of the frame, channels apart, scaled to [-1, 1]. */
    private static float[] planar(RgbImage frame, int height, int width) {
        float[] planes = new float[3 * height * width];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) planes[(c * height + y) * width + x] = frame.channel(x, y, c) / 127.5f - 1;
            }
        }
        return planes;
    }

    private void assertSameOutputs(byte[] original, byte[] simplified) throws OrtException {
        float[] image = randoms((int) (INPUT[0] * INPUT[1] * INPUT[2] * INPUT[3]));
        assertClose(run(original, image, INPUT), run(simplified, image, INPUT), 1e-5f);
    }

    private static void assertClose(List<float[]> expected, List<float[]> actual, float relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int o = 0; o < expected.size(); o++) {
            float largest = 0;
            for (float v : expected.get(o)) largest = Math.max(largest, Math.abs(v));
            assertThat(largest).isPositive();
            for (int i = 0; i < expected.get(o).length; i++) {
                assertThat(actual.get(o)[i]).as("output %d, value %d", o, i).isCloseTo(expected.get(o)[i], within(largest * relative));
            }
        }
    }

    private static List<float[]> run(byte[] model, float[] image, long[] shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(image), shape);
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            List<float[]> outputs = new ArrayList<>();
            for (var entry : result) {
                FloatBuffer buffer = ((OnnxTensor) entry.getValue()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                outputs.add(values);
            }
            return outputs;
        }
    }
}
