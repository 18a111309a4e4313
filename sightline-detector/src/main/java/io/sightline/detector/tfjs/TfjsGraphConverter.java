package io.sightline.detector.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns a TensorFlow.js graph model ({@code model.json} + weight shards) into a TensorFlow
 * {@link GraphDef} that TensorFlow Java can import.
 *
 * <p>The TF.js converter leaves four things that plain TensorFlow does not accept:
 * <ul>
 *   <li>weights quantised to float16 in the shards while the graph expects float32: widened back;</li>
 *   <li>int64 constants stored as int32, TF.js having no int64: widened back;</li>
 *   <li>{@code _FusedConv2D} nodes without the {@code TArgs} attribute the CPU kernel requires: added;</li>
 *   <li>{@code FusedDepthwiseConv2dNative}, an op that exists only in TF.js: split into
 *       {@code DepthwiseConv2dNative} + {@code BiasAdd} (+ the fused activation), the last node
 *       keeping the original name so consumers still find it.</li>
 * </ul>
 * Anything else the converter does not understand fails loudly rather than producing a graph
 * that computes something else.
 */
public final class TfjsGraphConverter {

    /** Bump when the conversion changes, so graphs cached by an older version are rebuilt. */
    public static final int VERSION = 2;
    /** For {@link ConvertedModelCache}: the GraphDef's bytes. */
    public static final ConvertedModelCache.Conversion CONVERSION =
            new ConvertedModelCache.Conversion("tf" + VERSION, ".pb", json -> convert(json).toByteArray());

    private static final ObjectMapper JSON = new ObjectMapper();

    private TfjsGraphConverter() {}

    /** Reads {@code modelJson} and the weight shards it names (relative to its folder). */
    public static GraphDef convert(Path modelJson) {
        try {
            JsonNode model = JSON.readTree(modelJson.toFile());
            Map<String, TensorProto> weights = readWeights(model.path("weightsManifest"), modelJson.getParent());
            GraphDef.Builder graph = GraphDef.newBuilder();
            for (JsonNode node : model.path("modelTopology").path("node")) {
                graph.addAllNode(convertNode(node, weights));
            }
            return graph.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TF.js model " + modelJson, e);
        }
    }

    private static List<NodeDef> convertNode(JsonNode json, Map<String, TensorProto> weights) {
        NodeDef.Builder node = NodeDef.newBuilder().setName(json.path("name").asText()).setOp(json.path("op").asText());
        json.path("input").forEach(input -> node.addInput(input.asText()));
        // "device" is dropped on purpose: the TF.js converter pinned some nodes to a CPU name; let the session place them.
        json.path("attr").fields().forEachRemaining(attr -> node.putAttr(attr.getKey(), attrValue(attr.getValue())));
        return switch (node.getOp()) {
            case "Const" -> List.of(withWeight(node, weights));
            case "_FusedConv2D" -> List.of(withArgTypes(node));
            case "FusedDepthwiseConv2dNative" -> splitFusedDepthwise(node);
            default -> List.of(node.build());
        };
    }

    private static NodeDef withWeight(NodeDef.Builder node, Map<String, TensorProto> weights) {
        TensorProto weight = weights.get(node.getName());
        if (weight == null) throw new IllegalArgumentException("constant " + node.getName() + " has no value in the weights manifest");
        DataType declared = node.getAttrOrThrow("dtype").getType();
        if (declared == DataType.DT_INT64 && weight.getDtype() == DataType.DT_INT32) weight = widenToInt64(weight);
        node.putAttr("value", AttrValue.newBuilder().setTensor(weight).build());
        node.putAttr("dtype", AttrValue.newBuilder().setType(weight.getDtype()).build());
        return node.build();
    }

    /** TF.js has no int64, so the converter stored int64 constants as int32; the graph still wants int64. */
    private static TensorProto widenToInt64(TensorProto int32) {
        ByteBuffer from = int32.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer to = ByteBuffer.allocate(from.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
        while (from.hasRemaining()) to.putLong(from.getInt());
        return int32.toBuilder().setDtype(DataType.DT_INT64).setTensorContent(ByteString.copyFrom(to.array())).build();
    }

    private static NodeDef withArgTypes(NodeDef.Builder node) {
        long args = node.getAttrOrThrow("num_args").getI();
        DataType type = node.getAttrOrThrow("T").getType();
        AttrValue.ListValue.Builder types = AttrValue.ListValue.newBuilder();
        for (int i = 0; i < args; i++) types.addType(type);
        node.putAttr("TArgs", AttrValue.newBuilder().setList(types).build());
        return node.build();
    }

    private static List<NodeDef> splitFusedDepthwise(NodeDef.Builder fused) {
        List<String> ops = new ArrayList<>();
        fused.getAttrOrThrow("fused_ops").getList().getSList().forEach(s -> ops.add(s.toStringUtf8()));
        if (ops.isEmpty() || !ops.get(0).equals("BiasAdd") || ops.size() > 2 || fused.getInputCount() != 3) {
            throw new IllegalArgumentException("unsupported fusion " + ops + " in " + fused.getName());
        }
        String name = fused.getName();
        AttrValue type = fused.getAttrOrThrow("T");
        NodeDef.Builder depthwise = NodeDef.newBuilder()
                .setName(name + "/split_depthwise")
                .setOp("DepthwiseConv2dNative")
                .addInput(fused.getInput(0))
                .addInput(fused.getInput(1));
        for (String attr : List.of("T", "strides", "padding", "data_format", "dilations", "explicit_paddings")) {
            if (fused.containsAttr(attr)) depthwise.putAttr(attr, fused.getAttrOrThrow(attr));
        }
        boolean activated = ops.size() == 2;
        NodeDef.Builder bias = NodeDef.newBuilder()
                .setName(activated ? name + "/split_bias" : name)
                .setOp("BiasAdd")
                .addInput(depthwise.getName())
                .addInput(fused.getInput(2))
                .putAttr("T", type)
                .putAttr("data_format", fused.getAttrOrThrow("data_format"));
        if (!activated) return List.of(depthwise.build(), bias.build());
        String activation = ops.get(1);
        if (!activation.equals("Relu") && !activation.equals("Relu6")) {
            throw new IllegalArgumentException("unsupported activation " + activation + " fused into " + name);
        }
        NodeDef.Builder act = NodeDef.newBuilder().setName(name).setOp(activation).addInput(bias.getName()).putAttr("T", type);
        return List.of(depthwise.build(), bias.build(), act.build());
    }

    private static Map<String, TensorProto> readWeights(JsonNode manifest, Path folder) throws IOException {
        Map<String, TensorProto> weights = new HashMap<>();
        TfjsWeights.read(manifest, folder).forEach((name, weight) -> weights.put(name, tensor(weight)));
        return weights;
    }

    private static TensorProto tensor(TfjsWeights.Weight weight) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : weight.shape()) shape.addDimBuilder().setSize(dim);
        return TensorProto.newBuilder()
                .setDtype(weight.isFloat() ? DataType.DT_FLOAT : DataType.DT_INT32)
                .setTensorShape(shape)
                .setTensorContent(ByteString.copyFrom(weight.content().duplicate().rewind()))
                .build();
    }

    /** Protobuf JSON of an {@code AttrValue}: one of s (base64), i, f, b, type, shape, tensor, list. */
    private static AttrValue attrValue(JsonNode json) {
        AttrValue.Builder value = AttrValue.newBuilder();
        if (json.has("s")) value.setS(bytes(json.get("s")));
        else if (json.has("i")) value.setI(json.get("i").asLong());
        else if (json.has("f")) value.setF(floatValue(json.get("f")));
        else if (json.has("b")) value.setB(json.get("b").asBoolean());
        else if (json.has("type")) value.setType(DataType.valueOf(json.get("type").asText()));
        else if (json.has("shape")) value.setShape(shape(json.get("shape")));
        else if (json.has("tensor")) value.setTensor(tensor(json.get("tensor")));
        else if (json.has("list")) value.setList(list(json.get("list")));
        else throw new IllegalArgumentException("unsupported attribute value " + json);
        return value.build();
    }

    private static AttrValue.ListValue list(JsonNode json) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        json.path("s").forEach(s -> list.addS(bytes(s)));
        json.path("i").forEach(i -> list.addI(i.asLong()));
        json.path("f").forEach(f -> list.addF(floatValue(f)));
        json.path("b").forEach(b -> list.addB(b.asBoolean()));
        json.path("type").forEach(t -> list.addType(DataType.valueOf(t.asText())));
        json.path("shape").forEach(s -> list.addShape(shape(s)));
        if (json.has("tensor") || json.has("func")) throw new IllegalArgumentException("unsupported list attribute " + json);
        return list.build();
    }

    private static TensorShapeProto shape(JsonNode json) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().setUnknownRank(json.path("unknownRank").asBoolean());
        json.path("dim").forEach(dim -> shape.addDimBuilder().setSize(dim.path("size").asLong()));
        return shape.build();
    }

    /** Only the header of a tensor travels in the JSON; the content comes from the weights. */
    private static TensorProto tensor(JsonNode json) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setDtype(DataType.valueOf(json.path("dtype").asText()));
        if (json.has("tensorShape")) tensor.setTensorShape(shape(json.get("tensorShape")));
        return tensor.build();
    }

    private static ByteString bytes(JsonNode base64) {
        return ByteString.copyFrom(Base64.getDecoder().decode(base64.asText()));
    }

    private static float floatValue(JsonNode json) {
        return json.isNumber() ? json.floatValue() : Float.parseFloat(json.asText());
    }
}
