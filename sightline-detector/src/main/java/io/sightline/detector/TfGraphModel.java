package io.sightline.detector;

import io.sightline.detector.tfjs.ConvertedGraphCache;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A converted TF.js graph in a TensorFlow session: loaded on first use, warmed up once, closed once. */
final class TfGraphModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TfGraphModel.class);

    private final Supplier<Path> modelJson;
    private final String input;
    private final Shape inputShape;
    private final List<String> outputs;
    private Graph graph;
    private Session session;
    private ModelLoad load;
    private boolean closed;

    /** {@code modelJson} is asked for on first load, so a model store fetches only when the model is used. */
    TfGraphModel(Supplier<Path> modelJson, String input, long[] inputShape, List<String> outputs) {
        this.modelJson = modelJson;
        this.input = input;
        this.inputShape = Shape.of(inputShape);
        this.outputs = List.copyOf(outputs);
    }

    synchronized ModelLoad load() {
        if (closed) throw new IllegalStateException("detector closed");
        if (load != null) return load;
        Path json = modelJson.get();
        ConvertedGraphCache.Loaded converted = ConvertedGraphCache.load(json);
        long start = System.nanoTime();
        graph = new Graph();
        long imported;
        try {
            graph.importGraphDef(converted.graph());
            session = new Session(graph);
            imported = System.nanoTime();
            run(new float[(int) inputShape.size()]);
        } catch (RuntimeException e) {
            // leave nothing half-open: the next call starts over
            if (session != null) session.close();
            graph.close();
            session = null;
            graph = null;
            throw e;
        }
        long warm = System.nanoTime();
        load = new ModelLoad(converted.millis(), (imported - start) / 1_000_000, (warm - imported) / 1_000_000, converted.fromCache());
        log.info("loaded {} ({}): {}", json.getFileName(), converted.fromCache() ? "cached graph" : "converted now", load);
        return load;
    }

    /** One inference; returns each requested output flattened, in the order they were named. */
    float[][] run(float[] pixels) {
        Session s;
        synchronized (this) {
            if (session == null) load();
            s = session;
        }
        try (TFloat32 in = TFloat32.tensorOf(inputShape, DataBuffers.of(pixels, true, false))) {
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
