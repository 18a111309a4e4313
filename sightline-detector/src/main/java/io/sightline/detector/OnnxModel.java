package io.sightline.detector;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.sightline.detector.tfjs.ConvertedModelCache;
import io.sightline.vision.onnx.OnnxOutputs;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TF.js model converted to ONNX, in an ONNX Runtime session: converted (or read from the
 * conversion cache) and warmed up on first use, closed once. One session takes inputs of any
 * size the model allows.
 */
final class OnnxModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OnnxModel.class);

    private final Supplier<Path> modelJson;
    private final ConvertedModelCache.Conversion conversion;
    private final String input;
    private final long[] warmUpShape;
    private final List<String> outputs;
    private final int threads;
    private OrtEnvironment environment;
    private OrtSession session;
    private ModelLoad load;
    private boolean closed;

    /** {@code modelJson} is asked for on first load, so a model store fetches only when the model is used. */
    OnnxModel(Supplier<Path> modelJson, ConvertedModelCache.Conversion conversion, String input, long[] warmUpShape, List<String> outputs,
              int threads) {
        this.modelJson = modelJson;
        this.conversion = conversion;
        this.input = input;
        this.warmUpShape = warmUpShape.clone();
        this.outputs = List.copyOf(outputs);
        this.threads = threads;
    }

    /** Converts (or reads the cached conversion of) the model, opens the session and runs it once at the warm-up shape. */
    synchronized ModelLoad load() {
        if (closed) throw new IllegalStateException("detector closed");
        if (load != null) return load;
        Path json = modelJson.get();
        ConvertedModelCache.Loaded converted = ConvertedModelCache.load(json, conversion);
        long start = System.nanoTime();
        environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            session = environment.createSession(converted.model(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot open the model converted from " + json
                    + (converted.fromCache() ? "; delete " + converted.cacheFile() + " to convert it again" : ""), e);
        }
        long opened = System.nanoTime();
        run(session, new float[Math.toIntExact(Arrays.stream(warmUpShape).reduce(1, Math::multiplyExact))], warmUpShape);
        load = new ModelLoad(converted.millis(), (opened - start) / 1_000_000, (System.nanoTime() - opened) / 1_000_000, converted.fromCache());
        log.info("loaded {} ({}): {}", json.getFileName(), converted.fromCache() ? "cached conversion" : "converted now", load);
        return load;
    }

    /** One inference; returns each requested output flattened, in the order they were named. */
    float[][] run(float[] pixels, long[] shape) {
        return run(session(), pixels, shape);
    }

    private synchronized OrtSession session() {
        if (closed) throw new IllegalStateException("detector closed");
        if (load == null) load();
        return session;
    }

    private float[][] run(OrtSession s, float[] pixels, long[] shape) {
        try (OnnxTensor in = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels), shape);
             OrtSession.Result result = s.run(Map.of(input, in))) {
            float[][] values = new float[outputs.size()][];
            for (int i = 0; i < outputs.size(); i++) {
                values[i] = OnnxOutputs.floats((OnnxTensor) result.get(outputs.get(i)).orElseThrow());
            }
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on input " + Arrays.toString(shape), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (session == null) return;
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("closing the ONNX session failed", e);
        }
        session = null;
    }
}
