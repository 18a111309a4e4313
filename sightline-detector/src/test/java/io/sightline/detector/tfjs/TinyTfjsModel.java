package io.sightline.detector.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * A hand-written TF.js graph model with every construct the converters rewrite: float16 weights,
 * an int64 constant stored as int32, a TF.js-only FusedDepthwiseConv2dNative (BiasAdd + Relu6),
 * a _FusedConv2D without TArgs and MobileNetV3's hard-swish with its float16 1/6. Per pixel (a, b)
 * it computes hard-swish of {@code relu6(2a + 0.5) * 1 + relu6(-b + 1) * 10 - 3}, flattened to a vector.
 */
public final class TinyTfjsModel {
    public static final String INPUT = "input";
    /** The output, a reshape to a vector. */
    public static final String OUTPUT = "output";
    /** The convolutions' output, swished, before the reshape: [1, h, w, 1]. */
    public static final String CONVOLVED = "swished";
    /** 1/6 as float16 holds it, as TF.js stores the hard-swish's constant. */
    private static final float SIXTH = Float.float16ToFloat(Float.floatToFloat16(1 / 6f));

    private TinyTfjsModel() {}

    /** Expected output for one input pixel. */
    public static float expected(float a, float b) {
        float v = relu6(2 * a + 0.5f) + relu6(-b + 1) * 10 - 3;
        return v * SIXTH * relu6(v + 3);
    }

    private static float relu6(float v) {
        return Math.max(0, Math.min(6, v));
    }

    /** Writes {@code model.json} and {@code weights.bin} into {@code dir}; returns the JSON path. */
    public static Path write(Path dir) throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {2, -1, 0.5f, 1}) bin.putShort(Float.floatToFloat16(f)); // depthwise weights, bias: float16
        for (float f : new float[] {1, 10, -3}) bin.putFloat(f); // conv weights, bias: float32
        bin.putShort(Float.floatToFloat16(1 / 6f)); // hard-swish's 1/6: float16
        bin.putFloat(3); // and its 3
        bin.putInt(4); // reshape target: int64 in the graph, int32 in the shard
        Files.write(dir.resolve("weights.bin"), Arrays.copyOf(bin.array(), bin.position()));
        String json = """
            {"format": "graph-model", "modelTopology": {"node": [
              {"name": "input", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                "shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}, {"size": "2"}, {"size": "2"}]}}}},
              {"name": "dw/weights", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
              {"name": "dw/bias", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
              {"name": "dw", "op": "FusedDepthwiseConv2dNative", "input": ["input", "dw/weights", "dw/bias"], "attr": {
                "T": {"type": "DT_FLOAT"}, "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "%SAME%"},
                "data_format": {"s": "%NHWC%"}, "dilations": {"list": {"i": ["1", "1", "1", "1"]}}, "explicit_paddings": {"list": {}},
                "num_args": {"i": "1"}, "fused_ops": {"list": {"s": ["%BiasAdd%", "%Relu6%"]}}}},
              {"name": "conv/weights", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
              {"name": "conv/bias", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
              {"name": "conv", "op": "_FusedConv2D", "input": ["dw", "conv/weights", "conv/bias"], "device": "/device:CPU:0", "attr": {
                "T": {"type": "DT_FLOAT"}, "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "%SAME%"},
                "data_format": {"s": "%NHWC%"}, "dilations": {"list": {"i": ["1", "1", "1", "1"]}}, "explicit_paddings": {"list": {}},
                "use_cudnn_on_gpu": {"b": true}, "epsilon": {"f": 0}, "num_args": {"i": "1"}, "fused_ops": {"list": {"s": ["%BiasAdd%"]}}}},
              {"name": "hs/sixth", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
              {"name": "hs/three", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {}}}}},
              {"name": "hs/mul", "op": "Mul", "input": ["hs/sixth", "conv"], "attr": {"T": {"type": "DT_FLOAT"}}},
              {"name": "hs/add", "op": "AddV2", "input": ["conv", "hs/three"], "attr": {"T": {"type": "DT_FLOAT"}}},
              {"name": "hs/Relu6", "op": "Relu6", "input": ["hs/add"], "attr": {"T": {"type": "DT_FLOAT"}}},
              {"name": "swished", "op": "Mul", "input": ["hs/mul", "hs/Relu6"], "attr": {"T": {"type": "DT_FLOAT"}}},
              {"name": "shape", "op": "Const", "attr": {"dtype": {"type": "DT_INT64"}, "value": {"tensor": {"dtype": "DT_INT64", "tensorShape": {"dim": [{"size": "1"}]}}}}},
              {"name": "output", "op": "Reshape", "input": ["swished", "shape"], "attr": {"T": {"type": "DT_FLOAT"}, "Tshape": {"type": "DT_INT64"}}}
            ], "library": {}, "versions": {}},
            "weightsManifest": [{"paths": ["weights.bin"], "weights": [
              {"name": "dw/weights", "shape": [1, 1, 2, 1], "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}},
              {"name": "dw/bias", "shape": [2], "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}},
              {"name": "conv/weights", "shape": [1, 1, 2, 1], "dtype": "float32"},
              {"name": "conv/bias", "shape": [1], "dtype": "float32"},
              {"name": "hs/sixth", "shape": [], "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}},
              {"name": "hs/three", "shape": [], "dtype": "float32"},
              {"name": "shape", "shape": [1], "dtype": "int32"}
            ]}]}
            """;
        for (String word : new String[] {"SAME", "NHWC", "BiasAdd", "Relu6"}) {
            json = json.replace("%" + word + "%", Base64.getEncoder().encodeToString(word.getBytes(StandardCharsets.US_ASCII)));
        }
        Path model = dir.resolve("model.json");
        Files.writeString(model, json);
        return model;
    }
}
