package io.sightline.detector.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

class TfjsGraphConverterTest {
    @TempDir Path dir;

    @Test
    void convert_whenGraphUsesTfjsOnlyOps_computesTheSameAsTheModel() throws Exception {
        GraphDef graph = TfjsGraphConverter.convert(TinyTfjsModel.write(dir));
        // pixels (a, b): each exercises a different branch of the fused activations
        float[] input = {1, 0, 4, 3, 0, 0.5f, -1, -2};

        float[] output = new float[4];
        try (Graph g = new Graph()) {
            g.importGraphDef(graph);
            try (Session session = new Session(g);
                 TFloat32 in = TFloat32.tensorOf(Shape.of(1, 2, 2, 2), DataBuffers.of(input, true, false));
                 Result result = session.runner().feed(TinyTfjsModel.INPUT, in).fetch(TinyTfjsModel.OUTPUT).run()) {
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(output, false, false));
            }
        }

        for (int p = 0; p < 4; p++) {
            assertThat(output[p]).isCloseTo(TinyTfjsModel.expected(input[2 * p], input[2 * p + 1]), within(1e-5f));
        }
    }

    @Test
    void convert_whenDepthwiseIsFused_splitsItAndKeepsTheNameOnTheLastNode() throws Exception {
        GraphDef graph = TfjsGraphConverter.convert(TinyTfjsModel.write(dir));

        assertThat(graph.getNodeList()).extracting(NodeDef::getOp).doesNotContain("FusedDepthwiseConv2dNative");
        assertThat(node(graph, "dw").getOp()).isEqualTo("Relu6");
        assertThat(node(graph, "conv").getAttrOrThrow("TArgs").getList().getTypeList()).containsExactly(DataType.DT_FLOAT);
        assertThat(node(graph, "shape").getAttrOrThrow("value").getTensor().getDtype()).isEqualTo(DataType.DT_INT64);
        assertThat(node(graph, "conv").getDevice()).isEmpty();
    }

    @Test
    void convert_whenWeightsAreShorterThanTheManifest_fails() throws Exception {
        Path model = TinyTfjsModel.write(dir);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        Files.write(dir.resolve("weights.bin"), Arrays.copyOf(weights, weights.length - 4));

        assertThatThrownBy(() -> TfjsGraphConverter.convert(model)).isInstanceOf(RuntimeException.class);
    }

    private static NodeDef node(GraphDef graph, String name) {
        return graph.getNodeList().stream().filter(n -> n.getName().equals(name)).findFirst().orElseThrow();
    }
}
