package io.sightline.detector.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.vision.onnx.OnnxGraph;
import io.sightline.vision.onnx.OnnxGraph.Attribute;
import io.sightline.detector.tfjs.TfjsWeights;
import io.sightline.detector.tfjs.TfjsWeights.Weight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the convolutional part of a TF.js graph model into an ONNX model that ONNX Runtime runs
 * at any input size. TF.js graphs are NHWC; the ONNX model is NCHW inside, with a transpose at the
 * input and at each output, so callers feed and read NHWC as before.
 *
 * <p>Only the ops of image backbones and heads are known (convolutions, plain and fused, and
 * depthwise; element-wise arithmetic; ReLU, ReLU6, sigmoid, hard-swish; spatial mean; concatenation along
 * channels; bilinear upsampling; max-pooling; the peak test {@code Equal} + {@code Cast}). An
 * unknown op fails the conversion rather than producing a model that computes something else.
 * The graph is cut at the requested outputs, so ops past them (e.g. fixed-size decoding) need
 * not be known.
 *
 * <p>Upsampling keeps working at other input sizes because its size constant is turned into a
 * scale: the converter follows how many times smaller than the input each tensor is, and a
 * resize to {@code n} rows from a tensor {@code 512 / s} rows high at the export's 512 becomes a
 * scale of {@code n * s / 512}.
 */
public final class TfjsOnnxConverter {
    /** Bump when the conversion changes, so models converted by an older version are converted again. */
    public static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dimension names of the input the model is run at. */
    private static final String HEIGHT = "height";
    private static final String WIDTH = "width";
    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};

    private record Node(String name, String op, List<String> inputs, JsonNode attr) {}

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<String> outputs;
    private final Map<String, Weight> weights;
    private final OnnxGraph onnx = new OnnxGraph();
    /** TF tensor name → ONNX tensor name, for tensors already emitted. */
    private final Map<String, String> emitted = new HashMap<>();
    /** TF tensor name → how many times smaller than the input it is in each spatial dimension; 0 when spatially global. */
    private final Map<String, Integer> strides = new HashMap<>();
    private int exportHeight;
    private int exportWidth;

    private TfjsOnnxConverter(JsonNode model, Map<String, Weight> weights, List<String> outputs) {
        this.weights = weights;
        this.outputs = Set.copyOf(outputs);
        for (JsonNode json : model.path("modelTopology").path("node")) {
            List<String> inputs = new ArrayList<>();
            json.path("input").forEach(input -> {
                // control dependencies order execution only; ONNX runs in data order
                if (!input.asText().startsWith("^")) inputs.add(input.asText().replaceFirst(":0$", ""));
            });
            nodes.put(json.path("name").asText(), new Node(json.path("name").asText(), json.path("op").asText(), inputs, json.path("attr")));
        }
    }

    /**
     * Converts the part of the model at {@code modelJson} (weight shards beside it) that {@code outputs} need.
     * The ONNX model has one input, named as the graph's placeholder, NHWC [1, height, width, channels], and the
     * named outputs, NHWC.
     */
    public static byte[] convert(Path modelJson, List<String> outputs) {
        try {
            JsonNode model = JSON.readTree(modelJson.toFile());
            TfjsOnnxConverter converter = new TfjsOnnxConverter(model, TfjsWeights.read(model.path("weightsManifest"), modelJson.getParent()), outputs);
            for (String output : outputs) {
                String nchw = converter.tensor(output);
                converter.onnx.node("Transpose", output, List.of(nchw), Attribute.ints("perm", TO_NHWC));
                converter.onnx.output(output);
            }
            return converter.onnx.toModel(modelJson.getFileName().toString(), "sightline TfjsOnnxConverter " + VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TF.js model " + modelJson, e);
        }
    }

    /** The ONNX tensor (NCHW) for a TF tensor, emitting what it depends on first. */
    private String tensor(String name) {
        String done = emitted.get(name);
        if (done != null) return done;
        Node node = node(name);
        // depth first over inputs, iteratively: backbones are deeper than a thread's stack allows for recursion at ease
        List<String> pending = new ArrayList<>(List.of(name));
        Set<String> visiting = new HashSet<>();
        while (!pending.isEmpty()) {
            String current = pending.get(pending.size() - 1);
            if (emitted.containsKey(current)) {
                pending.remove(pending.size() - 1);
                continue;
            }
            Node n = node(current);
            List<String> missing = dependencies(n).stream().filter(i -> !emitted.containsKey(i) && !isConstant(i)).toList();
            if (missing.isEmpty()) {
                emitted.put(current, emit(n));
                pending.remove(pending.size() - 1);
            } else {
                if (!visiting.add(current)) throw new IllegalArgumentException("cycle through " + current);
                pending.addAll(missing);
            }
        }
        return emitted.get(node.name());
    }

    /** The tensors a node is computed from: its inputs, or for a hard-swish the one tensor it swishes. */
    private List<String> dependencies(Node n) {
        HardSwish hardSwish = hardSwish(n);
        return hardSwish == null ? n.inputs() : List.of(hardSwish.x());
    }

    /** A hard-swish x · sixth · relu6(x + 3), sixth being 1/6 as the graph stores it. */
    private record HardSwish(String x, float sixth) {}

    /** An operand of an element-wise op beside a scalar constant. */
    private record Scaled(String tensor, float constant) {}

    /**
     * {@code n} as MobileNetV3's hard-swish {@code Mul(Mul(x, c), Relu6(Add(x, 3)))} with c = 1/6 as float16
     * stores it (operands in either order); null when it is not one.
     */
    private HardSwish hardSwish(Node n) {
        if (!n.op().equals("Mul") || n.inputs().size() != 2) return null;
        for (int i = 0; i < 2; i++) {
            Node scaled = nodes.get(n.inputs().get(i));
            Node relu6 = nodes.get(n.inputs().get(1 - i));
            if (scaled == null || relu6 == null || !relu6.op().equals("Relu6")) continue;
            Node shifted = nodes.get(relu6.inputs().get(0));
            Scaled x = operandBeside(scaled, "Mul", 1 / 6f);
            if (x == null || shifted == null) continue;
            Scaled plusThree = shifted.op().equals("AddV2") ? operandBeside(shifted, "AddV2", 3) : operandBeside(shifted, "Add", 3);
            if (plusThree != null && plusThree.tensor().equals(x.tensor())) return new HardSwish(x.tensor(), x.constant());
        }
        return null;
    }

    /** The tensor operand of {@code n} when it is {@code op} of a tensor and a scalar constant within 0.1 % of {@code value}; else null. */
    private Scaled operandBeside(Node n, String op, float value) {
        if (!n.op().equals(op) || n.inputs().size() != 2) return null;
        for (int i = 0; i < 2; i++) {
            String constant = n.inputs().get(i), tensor = n.inputs().get(1 - i);
            Weight w = isConstant(constant) ? weights.get(constant) : null;
            boolean scalar = w != null && w.isFloat() && w.floats().length == 1;
            if (scalar && Math.abs(w.floats()[0] - value) <= 1e-3f * value && !isConstant(tensor)) return new Scaled(tensor, w.floats()[0]);
        }
        return null;
    }

    /**
     * x · c · relu6(x + 3) as {@code Mul(Mul(x, HardSigmoid(x)), 6c)}: HardSigmoid(x) = relu6(x + 3) / 6 exactly,
     * and the scalar 6c keeps the graph's own rounding of 1/6, which is float16's (TF.js stores weights so). Three
     * passes over the map instead of four; {@code OnnxSimplifier} folds the scalar into a convolution that reads it.
     */
    private String hardSwish(Node n, HardSwish hardSwish) {
        strides.put(n.name(), strides.get(hardSwish.x()));
        String input = emitted.get(hardSwish.x());
        String gate = onnx.node("HardSigmoid", n.name() + "/hard_sigmoid", List.of(input),
                Attribute.of("alpha", 1 / 6f), Attribute.of("beta", 0.5f));
        String swished = onnx.node("Mul", n.name() + "/swished", List.of(input, gate));
        String scale = onnx.floats(n.name() + "/scale", new long[0], new float[] {6 * hardSwish.sixth()});
        return onnx.node("Mul", out(n), List.of(swished, scale));
    }

    /** The ONNX name of a node's output: its TF name, except for the model's outputs, whose NCHW form is transposed into that name. */
    private String out(Node n) {
        return outputs.contains(n.name()) ? n.name() + "/nchw" : n.name();
    }

    private Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) throw new IllegalArgumentException("the graph has no node " + name);
        return node;
    }

    private boolean isConstant(String name) {
        Node node = nodes.get(name);
        return node != null && node.op().equals("Const");
    }

    private String emit(Node n) {
        return switch (n.op()) {
            case "Placeholder" -> placeholder(n);
            case "Identity" -> {
                strides.put(n.name(), strides.get(n.inputs().get(0)));
                yield emitted.get(n.inputs().get(0));
            }
            case "Conv2D", "_FusedConv2D" -> convolution(n, false);
            case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> convolution(n, true);
            case "Relu" -> unary(n, "Relu");
            case "Sigmoid" -> unary(n, "Sigmoid");
            case "Relu6" -> {
                strides.put(n.name(), stride(n, 0));
                yield activation(n.name(), input(n, 0), "Relu6", out(n));
            }
            case "Add", "AddV2" -> elementwise(n, "Add");
            case "Sub" -> elementwise(n, "Sub");
            case "Mul" -> {
                HardSwish hardSwish = hardSwish(n);
                yield hardSwish == null ? elementwise(n, "Mul") : hardSwish(n, hardSwish);
            }
            case "Equal" -> elementwise(n, "Equal");
            case "Cast" -> cast(n);
            case "Mean" -> spatialMean(n);
            case "ConcatV2" -> channelConcat(n);
            case "ResizeBilinear" -> resizeBilinear(n);
            case "MaxPool" -> maxPool(n);
            default -> throw new IllegalArgumentException("op " + n.op() + " of " + n.name() + " has no ONNX conversion here");
        };
    }

    private String placeholder(Node n) {
        JsonNode dims = n.attr().path("shape").path("shape").path("dim");
        if (dims.size() != 4) throw new IllegalArgumentException("input " + n.name() + " is not an NHWC image: " + dims);
        exportHeight = dims.get(1).path("size").asInt();
        exportWidth = dims.get(2).path("size").asInt();
        long channels = dims.get(3).path("size").asLong();
        onnx.input(n.name(), 1L, HEIGHT, WIDTH, channels);
        strides.put(n.name(), 1);
        return onnx.node("Transpose", n.name() + "/nchw", List.of(n.name()), Attribute.ints("perm", TO_NCHW));
    }

    private String input(Node n, int index) {
        return emitted.get(n.inputs().get(index));
    }

    private int stride(Node n, int index) {
        return strides.get(n.inputs().get(index));
    }

    private String unary(Node n, String op) {
        strides.put(n.name(), stride(n, 0));
        return onnx.node(op, out(n), List.of(input(n, 0)));
    }

    private String activation(String name, String input, String activation, String output) {
        return switch (activation) {
            case "Relu" -> onnx.node("Relu", output, List.of(input));
            case "Relu6" -> {
                String low = onnx.floats("relu6/min", new long[0], new float[] {0});
                String high = onnx.floats("relu6/max", new long[0], new float[] {6});
                yield onnx.node("Clip", output, List.of(input, low, high));
            }
            default -> throw new IllegalArgumentException("unsupported activation " + activation + " in " + name);
        };
    }

    private String convolution(Node n, boolean depthwise) {
        requireNhwc(n);
        List<String> fused = strings(n.attr().path("fused_ops"));
        boolean hasBias = !fused.isEmpty();
        if (hasBias && (!fused.get(0).equals("BiasAdd") || fused.size() > 2 || n.inputs().size() != 3)) {
            throw new IllegalArgumentException("unsupported fusion " + fused + " in " + n.name());
        }
        long[] strides = ints(n.attr().path("strides"));
        long[] dilations = n.attr().has("dilations") ? ints(n.attr().path("dilations")) : new long[] {1, 1, 1, 1};
        Weight filter = constant(n.inputs().get(1));
        long[] s = filter.shape();
        int kh = (int) s[0], kw = (int) s[1], cin = (int) s[2], cout = (int) s[3];
        float[] hwio = filter.floats();
        float[] oihw = new float[hwio.length];
        long[] dims;
        if (depthwise) {
            // [h, w, channels, multiplier] → [channels * multiplier, 1, h, w], one group per input channel
            for (int h = 0; h < kh; h++) for (int w = 0; w < kw; w++) for (int c = 0; c < cin; c++) for (int m = 0; m < cout; m++) {
                oihw[((c * cout + m) * kh + h) * kw + w] = hwio[((h * kw + w) * cin + c) * cout + m];
            }
            dims = new long[] {(long) cin * cout, 1, kh, kw};
        } else {
            for (int h = 0; h < kh; h++) for (int w = 0; w < kw; w++) for (int i = 0; i < cin; i++) for (int o = 0; o < cout; o++) {
                oihw[((o * cin + i) * kh + h) * kw + w] = hwio[((h * kw + w) * cin + i) * cout + o];
            }
            dims = new long[] {cout, cin, kh, kw};
        }
        List<String> inputs = new ArrayList<>(List.of(input(n, 0), onnx.floats(n.inputs().get(1) + "/oihw", dims, oihw)));
        if (hasBias) {
            Weight bias = constant(n.inputs().get(2));
            inputs.add(onnx.floats(n.inputs().get(2), new long[] {bias.floats().length}, bias.floats()));
        }
        List<Attribute> attributes = new ArrayList<>(List.of(
                Attribute.ints("kernel_shape", kh, kw),
                Attribute.ints("strides", strides[1], strides[2]),
                Attribute.ints("dilations", dilations[1], dilations[2]),
                padding(n)));
        if (depthwise) attributes.add(Attribute.of("group", (long) cin));
        this.strides.put(n.name(), stride(n, 0) * (int) strides[1]);
        if (strides[1] != strides[2]) throw new IllegalArgumentException("unequal strides in " + n.name());
        boolean activated = fused.size() == 2;
        String conv = onnx.node("Conv", activated ? n.name() + "/conv" : out(n), inputs, attributes.toArray(Attribute[]::new));
        return activated ? activation(n.name(), conv, fused.get(1), out(n)) : conv;
    }

    /** TF's SAME pads the odd pixel at the end, as ONNX's SAME_UPPER does. */
    private static Attribute padding(Node n) {
        String padding = string(n.attr().path("padding"));
        return switch (padding) {
            case "SAME" -> Attribute.of("auto_pad", "SAME_UPPER");
            case "VALID" -> Attribute.of("auto_pad", "VALID");
            default -> throw new IllegalArgumentException("unsupported padding " + padding + " in " + n.name());
        };
    }

    private String elementwise(Node n, String op) {
        List<String> inputs = new ArrayList<>();
        int stride = 0;
        for (int i = 0; i < n.inputs().size(); i++) {
            String input = n.inputs().get(i);
            if (isConstant(input)) {
                inputs.add(broadcastConstant(input));
            } else {
                inputs.add(emitted.get(input));
                stride = Math.max(stride, strides.get(input));
            }
        }
        strides.put(n.name(), stride);
        return onnx.node(op, out(n), inputs);
    }

    /** A constant operand of an NHWC element-wise op, laid out to broadcast the same way against NCHW. */
    private String broadcastConstant(String name) {
        Weight w = constant(name);
        if (!w.isFloat()) throw new IllegalArgumentException("non-float operand " + name);
        float[] values = w.floats();
        long[] shape = w.shape();
        if (shape.length == 0 || values.length == 1) return onnx.floats(name, new long[0], new float[] {values[0]});
        // [c] and [1, 1, 1, c] broadcast along channels: [c, 1, 1] does so in NCHW
        boolean perChannel = shape.length == 1 || (shape.length == 4 && shape[0] == 1 && shape[1] == 1 && shape[2] == 1);
        if (!perChannel) throw new IllegalArgumentException("operand " + name + " of shape " + java.util.Arrays.toString(shape) + " is not per channel");
        return onnx.floats(name + "/nchw", new long[] {values.length, 1, 1}, values);
    }

    private String cast(Node n) {
        String to = n.attr().path("DstT").path("type").asText();
        if (!to.equals("DT_FLOAT")) throw new IllegalArgumentException("unsupported cast to " + to + " in " + n.name());
        strides.put(n.name(), stride(n, 0));
        return onnx.node("Cast", out(n), List.of(input(n, 0)), Attribute.of("to", (long) OnnxGraph.FLOAT));
    }

    private String spatialMean(Node n) {
        int[] axes = constant(n.inputs().get(1)).ints();
        if (axes.length != 2 || axes[0] != 1 || axes[1] != 2 || !n.attr().path("keep_dims").path("b").asBoolean()) {
            throw new IllegalArgumentException("only a spatial mean keeping dimensions is supported, not " + n.name());
        }
        strides.put(n.name(), 0);
        return onnx.node("GlobalAveragePool", out(n), List.of(input(n, 0)));
    }

    private String channelConcat(Node n) {
        List<String> parts = n.inputs().subList(0, n.inputs().size() - 1);
        int axis = constant(n.inputs().get(n.inputs().size() - 1)).ints()[0];
        if (axis != 3 && axis != -1) throw new IllegalArgumentException("only concatenation along channels is supported, not " + n.name());
        int stride = strides.get(parts.get(0));
        for (String part : parts) {
            if (strides.get(part) != stride) throw new IllegalArgumentException("concatenated maps of different sizes in " + n.name());
        }
        strides.put(n.name(), stride);
        return onnx.node("Concat", out(n), parts.stream().map(emitted::get).toList(), Attribute.of("axis", 1L));
    }

    private String resizeBilinear(Node n) {
        if (n.attr().path("align_corners").path("b").asBoolean() || n.attr().path("half_pixel_centers").path("b").asBoolean()) {
            throw new IllegalArgumentException("only the legacy corner mapping of ResizeBilinear is supported, not " + n.name());
        }
        int[] size = constant(n.inputs().get(1)).ints();
        int stride = stride(n, 0);
        // at the export's input size the input map is export / stride; the constant says what it becomes
        if ((long) size[0] * stride % exportHeight != 0 || (long) size[1] * stride % exportWidth != 0) {
            throw new IllegalArgumentException("resize of " + n.name() + " to " + size[0] + "x" + size[1] + " is not a whole scale");
        }
        int scaleY = (int) ((long) size[0] * stride / exportHeight);
        int scaleX = (int) ((long) size[1] * stride / exportWidth);
        if (scaleY != scaleX || scaleY < 1 || stride % scaleY != 0) {
            throw new IllegalArgumentException("unsupported resize scale in " + n.name());
        }
        strides.put(n.name(), stride / scaleY);
        String scales = onnx.floats(n.name() + "/scales", new long[] {4}, new float[] {1, 1, scaleY, scaleX});
        return onnx.node("Resize", out(n), List.of(input(n, 0), "", scales),
                Attribute.of("mode", "linear"), Attribute.of("coordinate_transformation_mode", "asymmetric"));
    }

    private String maxPool(Node n) {
        requireNhwc(n);
        long[] kernel = ints(n.attr().path("ksize"));
        long[] step = ints(n.attr().path("strides"));
        strides.put(n.name(), stride(n, 0) * (int) step[1]);
        return onnx.node("MaxPool", out(n), List.of(input(n, 0)),
                Attribute.ints("kernel_shape", kernel[1], kernel[2]), Attribute.ints("strides", step[1], step[2]), padding(n));
    }

    private static void requireNhwc(Node n) {
        if (n.attr().has("data_format") && !string(n.attr().path("data_format")).equals("NHWC")) {
            throw new IllegalArgumentException("only NHWC is supported, not " + n.name());
        }
    }

    private Weight constant(String name) {
        Weight w = weights.get(name);
        if (w == null || !isConstant(name)) throw new IllegalArgumentException(name + " is not a constant with a value");
        return w;
    }

    private static String string(JsonNode attr) {
        return new String(Base64.getDecoder().decode(attr.path("s").asText()), StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode attr) {
        List<String> values = new ArrayList<>();
        attr.path("list").path("s").forEach(s -> values.add(new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8)));
        return values;
    }

    private static long[] ints(JsonNode attr) {
        JsonNode list = attr.path("list").path("i");
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) values[i] = list.get(i).asLong();
        return values;
    }
}
