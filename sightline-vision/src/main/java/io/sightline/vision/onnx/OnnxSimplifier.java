package io.sightline.vision.onnx;

import static io.sightline.vision.onnx.OnnxGraph.GRAPH_INITIALIZER;
import static io.sightline.vision.onnx.OnnxGraph.GRAPH_INPUT;
import static io.sightline.vision.onnx.OnnxGraph.GRAPH_NODE;
import static io.sightline.vision.onnx.OnnxGraph.GRAPH_OUTPUT;
import static io.sightline.vision.onnx.OnnxGraph.MODEL_GRAPH;
import static io.sightline.vision.onnx.OnnxGraph.NODE_ATTRIBUTE;
import static io.sightline.vision.onnx.OnnxGraph.NODE_DOMAIN;
import static io.sightline.vision.onnx.OnnxGraph.NODE_INPUT;
import static io.sightline.vision.onnx.OnnxGraph.NODE_NAME;
import static io.sightline.vision.onnx.OnnxGraph.NODE_OP;
import static io.sightline.vision.onnx.OnnxGraph.NODE_OUTPUT;
import static io.sightline.vision.onnx.OnnxGraph.TENSOR_DIMS;
import static io.sightline.vision.onnx.OnnxGraph.TENSOR_FLOATS;
import static io.sightline.vision.onnx.OnnxGraph.TENSOR_NAME;
import static io.sightline.vision.onnx.OnnxGraph.TENSOR_RAW;
import static io.sightline.vision.onnx.OnnxGraph.TENSOR_TYPE;

import io.sightline.vision.onnx.OnnxGraph.Attribute;
import io.sightline.vision.onnx.Protobuf.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the element-wise chains that exporters leave around convolutions into fewer passes over
 * the feature maps, computing the same function (up to float rounding). PaddleOCR's PP-LCNet
 * exports, for instance, follow every convolution with a scalar affine ({@code Mul}, {@code Add}),
 * a hard-swish of four ops and another scalar affine; ONNX Runtime fuses none of them, and on one
 * core they took a third of the models' time. Three rewrites:
 * <ol>
 *   <li>{@code Add(Mul(Conv(x, W, B), a), b)} becomes {@code Conv(x, aW, aB + b)};</li>
 *   <li>{@code Conv(Add(Mul(h, c), d), W, B)} becomes {@code Conv(h, cW, B + d·ΣW)}; when the
 *       convolution pads (zeros of its input), {@code Conv(Add(h, d/c), cW, B)} instead, which pads
 *       the same zeros; a scale alone, {@code Conv(Mul(h, c), W, B)}, becomes {@code Conv(h, cW, B)};</li>
 *   <li>hard-swish {@code Div(Mul(x, Clip(Add(x, 3), 0, 6)), 6)} becomes
 *       {@code Mul(x, HardSigmoid(x, 1/6, 1/2))}, two ops of every opset instead of four.</li>
 * </ol>
 * Only chains whose intermediate tensors nothing else reads are rewritten, with scalar constants
 * and constant weights; everything else in the model is kept byte for byte.
 */
public final class OnnxSimplifier {
    /** Bump when the rewrites change, so models simplified and cached by an older version are made again. */
    public static final int VERSION = 1;

    /** The rewritten model and how many of each rewrite were made. */
    public record Simplified(byte[] model, int affinesAfter, int affinesBefore, int hardSwishes) {
        public int rewrites() {
            return affinesAfter + affinesBefore + hardSwishes;
        }
    }

    private static final int ATTRIBUTE_TENSOR = 5;
    private static final int ATTRIBUTE_GRAPH = 6;
    private static final int ATTRIBUTE_GRAPHS = 11;

    /** A node as read; {@code raw} is written back unchanged unless the node was rewritten. */
    private static final class Node {
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final Map<String, Field> attributes = new HashMap<>();
        final List<byte[]> rawAttributes = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        byte[] raw;
        boolean changed;
        boolean removed;
        boolean hasSubgraph;

        boolean is(String type) {
            return !removed && domain.isEmpty() && op.equals(type);
        }

        /** The attribute's single float ({@code f}), or null. */
        Float floatAttribute(String attribute) {
            Field a = attributes.get(attribute);
            if (a == null) return null;
            for (Field f : Protobuf.fields(a.bytes())) {
                if (f.number() == 2 && f.wireType() == Protobuf.FIXED32) return Float.intBitsToFloat((int) f.value());
            }
            return null;
        }
    }

    /** A float constant: its shape and values. */
    private record Constant(long[] dims, float[] values) {}

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> producers = new HashMap<>();
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<String, Integer> usedBefore = new HashMap<>();
    private final Map<String, Constant> constants = new HashMap<>();
    /** Constants the rewrites made, by name; a later rewrite of the same convolution may replace them. */
    private final Map<String, Protobuf> newInitializers = new LinkedHashMap<>();
    private int affinesAfter;
    private int affinesBefore;
    private int hardSwishes;
    private int fresh;

    private OnnxSimplifier() {}

    public static Simplified simplify(byte[] model) {
        Protobuf out = new Protobuf();
        OnnxSimplifier simplifier = new OnnxSimplifier();
        for (Field f : Protobuf.fields(model)) {
            if (f.number() == MODEL_GRAPH && f.wireType() == Protobuf.LENGTH_DELIMITED) {
                out.bytes(MODEL_GRAPH, simplifier.graph(f.bytes()));
            } else {
                out.field(f);
            }
        }
        return new Simplified(out.toByteArray(), simplifier.affinesAfter, simplifier.affinesBefore, simplifier.hardSwishes);
    }

    private byte[] graph(byte[] graph) {
        List<Field> fields = Protobuf.fields(graph);
        for (Field f : fields) {
            if (f.number() == GRAPH_NODE) read(f.bytes());
            if (f.number() == GRAPH_INITIALIZER) tensor(f.bytes(), null);
            // graph inputs and outputs count as reads: an input may name an initializer, which must stay
            if (f.number() == GRAPH_INPUT || f.number() == GRAPH_OUTPUT) use(string(f.bytes(), 1));
        }
        // a subgraph may read outer tensors unseen here: such models are left as they are
        if (nodes.stream().anyMatch(n -> n.hasSubgraph)) return graph;
        usedBefore.putAll(uses);
        for (Node n : List.copyOf(nodes)) affineAfter(n);
        for (Node n : List.copyOf(nodes)) affineBefore(n);
        for (Node n : List.copyOf(nodes)) hardSwish(n);

        Protobuf out = new Protobuf();
        boolean nodesWritten = false;
        for (Field f : fields) {
            if (f.number() == GRAPH_NODE) {
                if (!nodesWritten) writeNodes(out);
                nodesWritten = true;
            } else if (f.number() == GRAPH_INITIALIZER) {
                if (!madeUnused(string(f.bytes(), TENSOR_NAME))) out.field(f);
            } else {
                out.field(f);
            }
        }
        newInitializers.forEach((name, tensor) -> {
            if (uses.getOrDefault(name, 0) > 0) out.message(GRAPH_INITIALIZER, tensor);
        });
        return out.toByteArray();
    }

    private void read(byte[] raw) {
        Node n = new Node();
        n.raw = raw;
        for (Field f : Protobuf.fields(raw)) {
            switch (f.number()) {
                case NODE_INPUT -> n.inputs.add(f.string());
                case NODE_OUTPUT -> n.outputs.add(f.string());
                case NODE_NAME -> n.name = f.string();
                case NODE_OP -> n.op = f.string();
                case NODE_ATTRIBUTE -> {
                    n.attributes.put(string(f.bytes(), 1), f);
                    n.rawAttributes.add(f.bytes());
                    n.hasSubgraph |= Protobuf.fields(f.bytes()).stream().anyMatch(a -> a.number() == ATTRIBUTE_GRAPH || a.number() == ATTRIBUTE_GRAPHS);
                }
                case NODE_DOMAIN -> n.domain = f.string();
                default -> { }
            }
        }
        nodes.add(n);
        n.inputs.forEach(this::use);
        n.outputs.forEach(o -> producers.put(o, n));
        Field value = n.attributes.get("value");
        if (n.is("Constant") && value != null) {
            for (Field f : Protobuf.fields(value.bytes())) {
                if (f.number() == ATTRIBUTE_TENSOR) tensor(f.bytes(), n.outputs.get(0));
            }
        }
    }

    /** Remembers a float tensor's values under its name (or {@code name} for a Constant node's). */
    private void tensor(byte[] raw, String name) {
        List<Long> dims = new ArrayList<>();
        long type = 0;
        byte[] data = null;
        String tensorName = "";
        List<Float> floats = new ArrayList<>();
        for (Field f : Protobuf.fields(raw)) {
            switch (f.number()) {
                case TENSOR_DIMS -> {
                    if (f.wireType() == Protobuf.VARINT) dims.add(f.value());
                    else dims.addAll(Protobuf.packedVarints(f.bytes()));
                }
                case TENSOR_TYPE -> type = f.value();
                case TENSOR_FLOATS -> {
                    if (f.wireType() == Protobuf.FIXED32) floats.add(Float.intBitsToFloat((int) f.value()));
                    else for (int i = 0; i + 4 <= f.bytes().length; i += 4) floats.add(ByteBuffer.wrap(f.bytes(), i, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
                }
                case TENSOR_NAME -> tensorName = f.string();
                case TENSOR_RAW -> data = f.bytes();
                default -> { }
            }
        }
        if (type != OnnxGraph.FLOAT) return;
        float[] values;
        if (data != null) {
            values = new float[data.length / Float.BYTES];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            values = new float[floats.size()];
            for (int i = 0; i < values.length; i++) values[i] = floats.get(i);
        }
        constants.put(name == null ? tensorName : name, new Constant(dims.stream().mapToLong(Long::longValue).toArray(), values));
    }

    /** 1: {@code Add(Mul(Conv(x, W, B), a), b)} → {@code Conv(x, aW, aB + b)}. */
    private void affineAfter(Node conv) {
        if (!conv.is("Conv") || conv.outputs.size() != 1) return;
        Node mul = onlyReader(conv.outputs.get(0), "Mul");
        Float a = mul == null ? null : scalarBeside(mul, conv.outputs.get(0));
        Node add = a == null ? null : onlyReader(mul.outputs.get(0), "Add");
        Float b = add == null ? null : scalarBeside(add, mul.outputs.get(0));
        Constant[] wb = b == null ? null : weightsAndBias(conv);
        if (wb == null) return;
        float[] w = wb[0].values().clone(), bias = wb[1].values().clone();
        for (int i = 0; i < w.length; i++) w[i] *= a;
        for (int o = 0; o < bias.length; o++) bias[o] = bias[o] * a + b;
        setWeights(conv, conv.inputs.get(0), wb[0].dims(), w, bias);
        remove(mul);
        remove(add);
        conv.outputs.set(0, add.outputs.get(0));
        producers.put(add.outputs.get(0), conv);
        affinesAfter++;
    }

    /**
     * 2: {@code Conv(Add(Mul(h, c), d), W, B)} → {@code Conv(h, cW, B + d·ΣW)}, or {@code Conv(Add(h, d/c), cW, B)}
     * when it pads; {@code Conv(Mul(h, c), W, B)} → {@code Conv(h, cW, B)}.
     */
    private void affineBefore(Node conv) {
        if (!conv.is("Conv")) return;
        String input = conv.inputs.get(0);
        if (uses.getOrDefault(input, 0) != 1) return;
        Node add = producer(input, "Add");
        String scaled = add == null ? input : tensorBesideScalar(add);
        Float d = add == null ? Float.valueOf(0) : scaled == null ? null : scalarBeside(add, scaled);
        Node mul = d == null || (add != null && uses.getOrDefault(scaled, 0) != 1) ? null : producer(scaled, "Mul");
        String h = mul == null ? null : tensorBesideScalar(mul);
        Float c = h == null ? null : scalarBeside(mul, h);
        Constant[] wb = c == null || Math.abs(c) < 1e-6f ? null : weightsAndBias(conv);
        if (wb == null) return;
        float[] w = wb[0].values().clone(), bias = wb[1].values().clone();
        int perOutput = w.length / bias.length;
        boolean shiftKept = add != null && pads(conv);
        for (int o = 0; o < bias.length; o++) {
            double sum = 0;
            for (int k = o * perOutput; k < (o + 1) * perOutput; k++) {
                sum += w[k];
                w[k] *= c;
            }
            if (!shiftKept) bias[o] += (float) (d * sum);
        }
        remove(mul);
        if (shiftKept) {
            int scaledAt = add.inputs.indexOf(scaled);
            replaceInput(add, 1 - scaledAt, scalar(d / c));
            replaceInput(add, scaledAt, h);
            setWeights(conv, input, wb[0].dims(), w, bias);
        } else {
            if (add != null) remove(add);
            setWeights(conv, h, wb[0].dims(), w, bias);
        }
        affinesBefore++;
    }

    /** 3: {@code Div(Mul(x, Clip(Add(x, 3), 0, 6)), 6)} → {@code Mul(x, HardSigmoid(x, 1/6, 1/2))}. */
    private void hardSwish(Node div) {
        if (!div.is("Div") || div.inputs.size() != 2 || !isScalar(div.inputs.get(1), 6)) return;
        Node mul = producer(div.inputs.get(0), "Mul");
        if (mul == null || uses.getOrDefault(div.inputs.get(0), 0) != 1 || mul.inputs.size() != 2) return;
        for (int i = 0; i < 2; i++) {
            String x = mul.inputs.get(i), clipped = mul.inputs.get(1 - i);
            Node clip = producer(clipped, "Clip");
            if (clip == null || uses.getOrDefault(clipped, 0) != 1 || !clipsToZeroSix(clip)) continue;
            Node add = producer(clip.inputs.get(0), "Add");
            if (add == null || uses.getOrDefault(clip.inputs.get(0), 0) != 1 || !isScalar(otherOperand(add, x), 3)) continue;
            String gate = div.outputs.get(0) + "/hard_sigmoid";
            // the gate takes the Add's place, the product the Div's: each comes after what it reads
            remove(clip);
            remove(mul);
            add.op = "HardSigmoid";
            setInputs(add, List.of(x));
            add.outputs.set(0, gate);
            producers.put(gate, add);
            add.rawAttributes.clear();
            add.rawAttributes.add(Attribute.of("alpha", 1 / 6f).toByteArray());
            add.rawAttributes.add(Attribute.of("beta", 0.5f).toByteArray());
            div.op = "Mul";
            setInputs(div, List.of(x, gate));
            hardSwishes++;
            return;
        }
    }

    private boolean clipsToZeroSix(Node clip) {
        if (clip.inputs.size() >= 3) return isScalar(clip.inputs.get(1), 0) && isScalar(clip.inputs.get(2), 6);
        Float min = clip.floatAttribute("min"), max = clip.floatAttribute("max");
        return min != null && max != null && min == 0 && max == 6;
    }

    /** The convolution's constant weights and bias (zeros when it has none); null when they are not constants. */
    private Constant[] weightsAndBias(Node conv) {
        Constant w = conv.inputs.size() > 1 ? constants.get(conv.inputs.get(1)) : null;
        if (w == null || w.dims().length != 4) return null;
        int outputs = (int) w.dims()[0];
        Constant b = conv.inputs.size() > 2 ? constants.get(conv.inputs.get(2)) : new Constant(new long[] {outputs}, new float[outputs]);
        return b == null || b.values().length != outputs ? null : new Constant[] {w, b};
    }

    private void setWeights(Node conv, String input, long[] dims, float[] w, float[] bias) {
        String prefix = conv.outputs.get(0) + "/simplified" + fresh++;
        setInputs(conv, List.of(input, initializer(prefix + "/W", dims, w), initializer(prefix + "/B", new long[] {bias.length}, bias)));
    }

    private void setInputs(Node n, List<String> inputs) {
        n.inputs.forEach(this::unuse);
        n.inputs.clear();
        n.inputs.addAll(inputs);
        inputs.forEach(this::use);
        n.changed = true;
    }

    private void replaceInput(Node n, int index, String input) {
        unuse(n.inputs.get(index));
        n.inputs.set(index, input);
        use(input);
        n.changed = true;
    }

    private static boolean pads(Node conv) {
        Field autoPad = conv.attributes.get("auto_pad");
        if (autoPad != null) {
            String mode = string(autoPad.bytes(), 4);
            if (!mode.equals("NOTSET") && !mode.equals("VALID")) return true;
        }
        Field pads = conv.attributes.get("pads");
        if (pads == null) return false;
        for (Field f : Protobuf.fields(pads.bytes())) {
            if (f.number() == 8 && f.wireType() == Protobuf.VARINT && f.value() != 0) return true;
            if (f.number() == 8 && f.wireType() == Protobuf.LENGTH_DELIMITED) {
                if (Protobuf.packedVarints(f.bytes()).stream().anyMatch(v -> v != 0)) return true;
            }
        }
        return false;
    }

    /** The node of {@code op} that is the only reader of {@code tensor}, or null. */
    private Node onlyReader(String tensor, String op) {
        if (uses.getOrDefault(tensor, 0) != 1) return null;
        for (Node n : nodes) {
            if (n.is(op) && n.inputs.contains(tensor)) return n;
        }
        return null;
    }

    private Node producer(String tensor, String op) {
        Node n = producers.get(tensor);
        return n != null && n.is(op) ? n : null;
    }

    /** The scalar constant that is {@code node}'s other operand beside {@code tensor}, or null. */
    private Float scalarBeside(Node node, String tensor) {
        String other = otherOperand(node, tensor);
        return other != null && isScalarConstant(other) ? constants.get(other).values()[0] : null;
    }

    /** The operand of a two-input node that is not a scalar constant, when the other one is; null otherwise. */
    private String tensorBesideScalar(Node node) {
        if (node.inputs.size() != 2) return null;
        for (int i = 0; i < 2; i++) {
            if (isScalarConstant(node.inputs.get(1 - i)) && !isScalarConstant(node.inputs.get(i))) return node.inputs.get(i);
        }
        return null;
    }

    /** The other operand of a two-input node beside {@code tensor}, or null. */
    private String otherOperand(Node node, String tensor) {
        if (node.inputs.size() != 2 || !node.inputs.contains(tensor)) return null;
        return node.inputs.get(0).equals(tensor) ? node.inputs.get(1) : node.inputs.get(0);
    }

    private boolean isScalarConstant(String name) {
        Constant c = constants.get(name);
        return c != null && c.values().length == 1;
    }

    private boolean isScalar(String name, float value) {
        return name != null && isScalarConstant(name) && constants.get(name).values()[0] == value;
    }

    private String scalar(float value) {
        return initializer("simplified/scalar" + fresh++, new long[0], new float[] {value});
    }

    private String initializer(String name, long[] dims, float[] values) {
        newInitializers.put(name, OnnxGraph.floatTensor(name, dims, values));
        constants.put(name, new Constant(dims, values));
        return name;
    }

    private void remove(Node n) {
        n.removed = true;
        n.inputs.forEach(this::unuse);
    }

    /** Whether a rewrite took away the last reader of a tensor that had one. */
    private boolean madeUnused(String tensor) {
        return uses.getOrDefault(tensor, 0) <= 0 && usedBefore.getOrDefault(tensor, 0) > 0;
    }

    private void use(String tensor) {
        if (!tensor.isEmpty()) uses.merge(tensor, 1, Integer::sum);
    }

    private void unuse(String tensor) {
        uses.computeIfPresent(tensor, (t, count) -> count - 1);
    }

    /** The nodes in their order, dropping removed ones and constants nothing reads any more. */
    private void writeNodes(Protobuf out) {
        for (Node n : nodes) {
            if (n.removed || n.is("Constant") && madeUnused(n.outputs.get(0))) continue;
            if (n.changed) {
                out.message(GRAPH_NODE, OnnxGraph.nodeProto(n.op, n.name, n.inputs, n.outputs, n.rawAttributes));
            } else {
                out.bytes(GRAPH_NODE, n.raw);
            }
        }
    }

    /** The first string field {@code number} of a message, or "". */
    private static String string(byte[] message, int number) {
        for (Field f : Protobuf.fields(message)) {
            if (f.number() == number && f.wireType() == Protobuf.LENGTH_DELIMITED) return f.string();
        }
        return "";
    }

}
