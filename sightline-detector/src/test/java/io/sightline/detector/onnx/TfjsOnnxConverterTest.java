package io.sightline.detector.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.sightline.detector.tfjs.TinyTfjsModel;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsOnnxConverterTest {
    @TempDir Path dir;

    @Test
    void convert_whenGraphUsesFusedConvolutions_computesTheSameAsTheModelAtAnyInputSize() throws Exception {
        byte[] model = TfjsOnnxConverter.convert(TinyTfjsModel.write(dir), List.of(TinyTfjsModel.CONVOLVED));
        // exported at 2x2; run at 3x5, each pixel (a, b) exercising the fused activations differently
        int height = 3, width = 5;
        float[] input = new float[height * width * 2];
        for (int i = 0; i < input.length; i++) input[i] = (i % 7) - 2.5f;

        float[] output;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(model);
             OnnxTensor in = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), new long[] {1, height, width, 2});
             OrtSession.Result result = session.run(Map.of(TinyTfjsModel.INPUT, in))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            assertThat(out.getInfo().getShape()).containsExactly(1, height, width, 1);
            output = toArray(out.getFloatBuffer());
        }

        for (int p = 0; p < height * width; p++) {
            assertThat(output[p]).isCloseTo(TinyTfjsModel.expected(input[2 * p], input[2 * p + 1]), within(1e-3f));
        }
        // the hard-swish went the fused way (op names are plain strings in the protobuf)
        assertThat(new String(model, StandardCharsets.ISO_8859_1)).contains("HardSigmoid");
    }

    @Test
    void convert_whenAnOutputNeedsAnUnknownOp_failsNamingIt() throws Exception {
        Path json = TinyTfjsModel.write(dir);

        assertThatThrownBy(() -> TfjsOnnxConverter.convert(json, List.of(TinyTfjsModel.OUTPUT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Reshape");
    }

    private static float[] toArray(FloatBuffer buffer) {
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
