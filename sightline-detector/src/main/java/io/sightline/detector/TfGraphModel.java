package io.sightline.detector;

import com.google.protobuf.InvalidProtocolBufferException;
import io.sightline.detector.tfjs.ConvertedModelCache;
import io.sightline.detector.tfjs.TfjsGraphConverter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * A converted TF.js graph in a TensorFlow session at one input shape: loaded on first use, warmed
 * up once, closed once. NanoDet runs here; CenterNet's tests use it as the reference its ONNX
 * conversion must reproduce.
 */
final class TfGraphModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TfGraphModel.class);

    private final Supplier<Path> modelJson;
    private final String input;
    private final long[] shape;
    private final List<String> outputs;
    private final UnaryOperator<GraphDef> adapt;
    private final int threads;
    private Graph graph;
    private Session session;
    private ModelLoad load;
    private boolean closed;

    /**
     * {@code modelJson} is asked for on first load, so a model store fetches only when the model is used;
     * {@code adapt} changes the converted graph before it is imported (e.g. cuts it or sets its input size);
     * an inference uses up to {@code threads} threads.
     */
    TfGraphModel(Supplier<Path> modelJson, String input, long[] shape, List<String> outputs, UnaryOperator<GraphDef> adapt, int threads) {
        this.modelJson = modelJson;
        this.input = input;
        this.shape = shape.clone();
        this.outputs = List.copyOf(outputs);
        this.adapt = adapt;
        this.threads = threads;
    }

    /** Converts (or reads the cached conversion of) the graph, imports it and runs it once. */
    synchronized ModelLoad load() {
        if (closed) throw new IllegalStateException("detector closed");
        if (load != null) return load;
        Path json = modelJson.get();
        ConvertedModelCache.Loaded cached = ConvertedModelCache.load(json, TfjsGraphConverter.CONVERSION);
        long start = System.nanoTime();
        Graph imported = new Graph();
        try {
            imported.importGraphDef(adapt.apply(GraphDef.parseFrom(cached.model())));
        } catch (InvalidProtocolBufferException e) {
            imported.close();
            throw new IllegalStateException("the cached graph " + cached.cacheFile() + " is not a GraphDef; delete it to convert again", e);
        } catch (RuntimeException e) {
            imported.close();
            throw e;
        }
        graph = imported;
        session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1).build());
        long opened = System.nanoTime();
        run(session, new float[Math.toIntExact(Shape.of(shape).size())]);
        load = new ModelLoad(cached.millis(), (opened - start) / 1_000_000, (System.nanoTime() - opened) / 1_000_000, cached.fromCache());
        log.info("loaded {} ({}): {}", json.getFileName(), cached.fromCache() ? "cached graph" : "converted now", load);
        return load;
    }

    /** One inference; returns each requested output flattened, in the order they were named. */
    float[][] run(float[] pixels) {
        return run(session(), pixels);
    }

    private synchronized Session session() {
        if (closed) throw new IllegalStateException("detector closed");
        if (load == null) load();
        return session;
    }

    private float[][] run(Session s, float[] pixels) {
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(pixels, true, false))) {
            Session.Runner runner = s.runner().feed(input, in);
            outputs.forEach(runner::fetch);
            try (Result result = runner.run()) {
                float[][] values = new float[outputs.size()][];
                for (int i = 0; i < outputs.size(); i++) {
                    TFloat32 out = (TFloat32) result.get(i);
                    values[i] = new float[(int) out.size()];
                    out.copyTo(DataBuffers.of(values[i], false, false));
                }
                return values;
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (session != null) session.close();
        if (graph != null) graph.close();
        session = null;
        graph = null;
    }
}
