package io.sightline.detector;

import io.sightline.detector.tfjs.ConvertedGraphCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * A converted TF.js graph in TensorFlow sessions: loaded on first use, warmed up once, closed once.
 * A graph that can take inputs of other sizes (given a {@link Shaper}) gets one session per input
 * shape, each built and warmed up the first time that shape is run; at most {@link #MAX_SHAPES}.
 */
final class TfGraphModel implements AutoCloseable {
    /** Sessions kept per model: each holds its own copy of the weights and its buffers. */
    static final int MAX_SHAPES = 4;
    private static final Logger log = LoggerFactory.getLogger(TfGraphModel.class);

    /** Adapts the converted graph to an input shape. */
    interface Shaper {
        GraphDef shape(GraphDef graph, long[] inputShape);

        /** For graphs whose input size is fixed. */
        static Shaper fixed() {
            return (graph, shape) -> graph;
        }
    }

    private record Loaded(Graph graph, Session session) {}

    /** {@link #MAX_SHAPES} other input shapes are open already. */
    static final class ShapeLimitException extends IllegalStateException {
        ShapeLimitException(long[] shape) {
            super("already " + MAX_SHAPES + " input shapes open, not opening " + Arrays.toString(shape));
        }
    }

    private final Supplier<Path> modelJson;
    private final String input;
    private final long[] defaultShape;
    private final List<String> outputs;
    private final Shaper shaper;
    private final Map<List<Long>, Loaded> sessions = new LinkedHashMap<>();
    private GraphDef converted;
    private ModelLoad load;
    private boolean closed;

    /** {@code modelJson} is asked for on first load, so a model store fetches only when the model is used. */
    TfGraphModel(Supplier<Path> modelJson, String input, long[] defaultShape, List<String> outputs, Shaper shaper) {
        this.modelJson = modelJson;
        this.input = input;
        this.defaultShape = defaultShape.clone();
        this.outputs = List.copyOf(outputs);
        this.shaper = shaper;
    }

    /** Converts (or reads the cached conversion of) the graph and builds and warms up the session of the default shape. */
    synchronized ModelLoad load() {
        if (closed) throw new IllegalStateException("detector closed");
        if (load != null) return load;
        Path json = modelJson.get();
        ConvertedGraphCache.Loaded cached = ConvertedGraphCache.load(json);
        converted = cached.graph();
        long[] millis = open(defaultShape);
        load = new ModelLoad(cached.millis(), millis[0], millis[1], cached.fromCache());
        log.info("loaded {} ({}): {}", json.getFileName(), cached.fromCache() ? "cached graph" : "converted now", load);
        return load;
    }

    /** One inference at the default shape. */
    float[][] run(float[] pixels) {
        return run(pixels, defaultShape);
    }

    /**
     * One inference; returns each requested output flattened, in the order they were named.
     *
     * @throws ShapeLimitException when the shape is new and {@link #MAX_SHAPES} others are open
     */
    float[][] run(float[] pixels, long[] shape) {
        Session s = session(shape);
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

    private synchronized Session session(long[] shape) {
        if (closed) throw new IllegalStateException("detector closed");
        if (converted == null) load();
        Loaded loaded = sessions.get(key(shape));
        if (loaded == null) {
            if (sessions.size() >= MAX_SHAPES) throw new ShapeLimitException(shape);
            long[] millis = open(shape);
            log.info("opened a session for input {} in {} ms (+{} ms warm-up)", Arrays.toString(shape), millis[0], millis[1]);
            loaded = sessions.get(key(shape));
        }
        return loaded.session();
    }

    /** Imports the graph for {@code shape} and warms it up; returns {import ms, warm-up ms}. */
    private long[] open(long[] shape) {
        long start = System.nanoTime();
        Graph graph = new Graph();
        Session session = null;
        try {
            graph.importGraphDef(shaper.shape(converted, shape));
            session = new Session(graph);
            long imported = System.nanoTime();
            sessions.put(key(shape), new Loaded(graph, session));
            run(new float[(int) Shape.of(shape).size()], shape);
            return new long[] {(imported - start) / 1_000_000, (System.nanoTime() - imported) / 1_000_000};
        } catch (RuntimeException e) {
            // leave nothing half-open: the next call starts over
            sessions.remove(key(shape));
            if (session != null) session.close();
            graph.close();
            throw e;
        }
    }

    private static List<Long> key(long[] shape) {
        List<Long> key = new ArrayList<>(shape.length);
        for (long d : shape) key.add(d);
        return key;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Loaded loaded : sessions.values()) {
            loaded.session().close();
            loaded.graph().close();
        }
        sessions.clear();
        converted = null;
    }
}
