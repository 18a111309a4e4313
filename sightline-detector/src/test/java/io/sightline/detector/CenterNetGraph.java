package io.sightline.detector;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The CenterNet TensorFlow graph adapted to an input of any size that is a multiple of 32, as the
 * reference the ONNX conversion is checked against. The network is fully convolutional except for
 * two things fixed to 512x512 by the export: the sizes its three upsampling layers resize to
 * (constants), and its own peak decoding (reshapes by constant sizes). Here the sizes are
 * rewritten for the input, and the graph ends where the ONNX model does.
 */
final class CenterNetGraph {
    static final String INPUT = CenterNetDetector.INPUT;
    static final String CLASS_SCORES = CenterNetDetector.CLASS_SCORES;
    static final String BOX_SIZES = CenterNetDetector.BOX_SIZES;
    static final int MULTIPLE = CenterNetDetector.MULTIPLE;

    /** Upsampling size constant → how many times smaller than the input its output is. */
    private static final Map<String, Integer> UPSAMPLE_SIZES = Map.of(
            "tower_0/CenternetHead/c5_upsample/up_sampling2d/mul", 16,
            "tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul", 8,
            "tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul", 4);

    private CenterNetGraph() {}

    /** The nodes {@link #CLASS_SCORES} and {@link #BOX_SIZES} need, for an input of {@code height x width}. */
    static GraphDef forInput(GraphDef graph, int height, int width) {
        if (height % MULTIPLE != 0 || width % MULTIPLE != 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("CenterNet input must be a positive multiple of " + MULTIPLE + ", was " + width + "x" + height);
        }
        Map<String, NodeDef> byName = new HashMap<>();
        graph.getNodeList().forEach(n -> byName.put(n.getName(), n));
        Set<String> needed = needed(byName, List.of(CLASS_SCORES, BOX_SIZES));
        int rewritten = 0;
        GraphDef.Builder out = GraphDef.newBuilder().setVersions(graph.getVersions());
        for (NodeDef node : graph.getNodeList()) {
            if (!needed.contains(node.getName())) continue;
            Integer factor = UPSAMPLE_SIZES.get(node.getName());
            if (factor != null) {
                out.addNode(withIntPair(node, height / factor, width / factor));
                rewritten++;
            } else if (node.getName().equals(INPUT)) {
                out.addNode(withShape(node, height, width));
                rewritten++;
            } else {
                out.addNode(node);
            }
        }
        if (rewritten != UPSAMPLE_SIZES.size() + 1) {
            throw new IllegalArgumentException("not the CenterNet graph this code knows: found " + rewritten + " of the "
                    + (UPSAMPLE_SIZES.size() + 1) + " nodes that fix its input size");
        }
        return out.build();
    }

    private static Set<String> needed(Map<String, NodeDef> byName, List<String> outputs) {
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String name = todo.pop().replaceFirst("^\\^", "").replaceFirst(":\\d+$", "");
            if (!needed.add(name)) continue;
            NodeDef node = byName.get(name);
            if (node == null) throw new IllegalArgumentException("the graph has no node " + name);
            todo.addAll(node.getInputList());
        }
        return needed;
    }

    private static NodeDef withIntPair(NodeDef node, int first, int second) {
        ByteBuffer content = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(first).putInt(second);
        TensorProto value = node.getAttrOrThrow("value").getTensor().toBuilder()
                .clearIntVal().setTensorContent(ByteString.copyFrom(content.array())).build();
        return node.toBuilder().putAttr("value", AttrValue.newBuilder().setTensor(value).build()).build();
    }

    private static NodeDef withShape(NodeDef node, int height, int width) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long size : new long[] {1, height, width, 3}) shape.addDimBuilder().setSize(size);
        return node.toBuilder().putAttr("shape", AttrValue.newBuilder().setShape(shape).build()).build();
    }
}
