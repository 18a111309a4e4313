package io.sightline.vision.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds an ONNX model (the {@code onnx.proto} messages, written with {@link Protobuf}): nodes in
 * the order they are added, float initializers, float inputs and outputs. Field
 * numbers are those of {@code onnx/onnx.proto}.
 */
public final class OnnxGraph {
    /** IR version 7 goes with opset 13. */
    static final int IR_VERSION = 7;
    static final int OPSET = 13;
    public static final int FLOAT = 1;

    // field numbers of onnx.proto's messages, for this writer and OnnxSimplifier's reader
    static final int MODEL_GRAPH = 7;
    static final int GRAPH_NODE = 1;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP = 4;
    static final int NODE_ATTRIBUTE = 5;
    static final int NODE_DOMAIN = 7;
    static final int TENSOR_DIMS = 1;
    static final int TENSOR_TYPE = 2;
    static final int TENSOR_FLOATS = 4;
    static final int TENSOR_NAME = 8;
    static final int TENSOR_RAW = 9;

    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_STRING = 3;
    private static final int ATTRIBUTE_INTS = 7;

    /** A node attribute. */
    public static final class Attribute {
        private final Protobuf proto = new Protobuf();

        private Attribute(String name, int type) {
            proto.string(1, name).varint(20, type);
        }

        public static Attribute of(String name, float value) {
            Attribute a = new Attribute(name, ATTRIBUTE_FLOAT);
            a.proto.fixed32(2, Float.floatToRawIntBits(value));
            return a;
        }

        public static Attribute of(String name, long value) {
            Attribute a = new Attribute(name, ATTRIBUTE_INT);
            a.proto.varint(3, value);
            return a;
        }

        public static Attribute of(String name, String value) {
            Attribute a = new Attribute(name, ATTRIBUTE_STRING);
            a.proto.string(4, value);
            return a;
        }

        public static Attribute ints(String name, long... values) {
            Attribute a = new Attribute(name, ATTRIBUTE_INTS);
            for (long v : values) a.proto.varint(8, v);
            return a;
        }

        /** The {@code AttributeProto} message. */
        public byte[] toByteArray() {
            return proto.toByteArray();
        }
    }

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private final List<Protobuf> inputs = new ArrayList<>();
    private final List<Protobuf> outputs = new ArrayList<>();
    private final Set<String> initialized = new HashSet<>();

    /** Adds a node with one output, named after it; returns the output's name. */
    public String node(String op, String output, List<String> nodeInputs, Attribute... attributes) {
        nodes.add(nodeProto(op, output, nodeInputs, List.of(output), Stream.of(attributes).map(Attribute::toByteArray).toList()));
        return output;
    }

    /** A {@code NodeProto} of the default domain; {@code attributes} are {@code AttributeProto} messages. */
    static Protobuf nodeProto(String op, String name, List<String> inputs, List<String> outputs, List<byte[]> attributes) {
        Protobuf node = new Protobuf();
        inputs.forEach(input -> node.string(NODE_INPUT, input));
        outputs.forEach(output -> node.string(NODE_OUTPUT, output));
        node.string(NODE_NAME, name).string(NODE_OP, op);
        attributes.forEach(a -> node.bytes(NODE_ATTRIBUTE, a));
        return node;
    }

    /** A float constant; returns its name. Adding the same name twice keeps the first. */
    public String floats(String name, long[] dims, float[] values) {
        if (initialized.add(name)) initializers.add(floatTensor(name, dims, values));
        return name;
    }

    /** A {@code TensorProto} of floats, little-endian in {@code raw_data}. */
    static Protobuf floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) raw.putFloat(v);
        Protobuf tensor = new Protobuf();
        for (long d : dims) tensor.varint(TENSOR_DIMS, d);
        return tensor.varint(TENSOR_TYPE, FLOAT).string(TENSOR_NAME, name).bytes(TENSOR_RAW, raw.array());
    }

    /** A float input; a dimension is either a {@link Long} size or a {@link String} name for a size given at run time. */
    public void input(String name, Object... dims) {
        inputs.add(valueInfo(name, dims));
    }

    /** A float output of a shape left to the runtime. */
    public void output(String name) {
        outputs.add(valueInfo(name, null));
    }

    private static Protobuf valueInfo(String name, Object[] dims) {
        Protobuf tensorType = new Protobuf().varint(1, FLOAT);
        if (dims != null) {
            Protobuf shape = new Protobuf();
            for (Object d : dims) {
                Protobuf dim = d instanceof Long size ? new Protobuf().varint(1, size) : new Protobuf().string(2, (String) d);
                shape.message(1, dim);
            }
            tensorType.message(2, shape);
        }
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }

    public byte[] toModel(String graphName, String producer) {
        Protobuf graph = new Protobuf();
        nodes.forEach(n -> graph.message(GRAPH_NODE, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(GRAPH_INITIALIZER, t));
        inputs.forEach(i -> graph.message(GRAPH_INPUT, i));
        outputs.forEach(o -> graph.message(GRAPH_OUTPUT, o));
        return new Protobuf()
                .varint(1, IR_VERSION)
                .string(2, producer)
                .message(MODEL_GRAPH, graph)
                .message(8, new Protobuf().string(1, "").varint(2, OPSET))
                .toByteArray();
    }
}
