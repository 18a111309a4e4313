package io.sightline.vision.onnx;

import ai.onnxruntime.OnnxTensor;
import java.nio.FloatBuffer;

/** Reading what an ONNX Runtime session gave back. */
public final class OnnxOutputs {
    private OnnxOutputs() {}

    /**
     * A float tensor's values, flattened. ONNX Runtime already copies them out of native memory into
     * a heap buffer; its array is taken as it is, where copying it again cost a second pass over
     * megabytes per frame (the detector's class map, a recognition batch).
     */
    public static float[] floats(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0 && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
