package io.sightline.vision.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.onnx.OnnxOutputs;
import io.sightline.vision.onnx.OnnxSimplifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PaddleOCR PP-OCRv4 (detection + recognition) on ONNX Runtime. Models are fetched from the
 * {@link ModelStore} and loaded on first use (or by {@link #warmUp()}). Thread-safe.
 */
public final class OcrEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OcrEngine.class);
    private static final float[] DETECTION_MEAN = {0.406f, 0.456f, 0.485f}; // ImageNet, in B, G, R order
    private static final float[] DETECTION_STD = {0.225f, 0.224f, 0.229f};
    private static final float[] RECOGNITION_MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] RECOGNITION_STD = {0.5f, 0.5f, 0.5f};
    private static final int LINE_HEIGHT = 48;
    private static final int MIN_LINE_WIDTH = 320;
    private static final int BATCH = 6;
    private static final double MAX_BATCH_PADDING = 1.5;

    private final ModelStore store;
    private final OcrSettings settings;
    private final DbPostProcessor postProcessor;
    private OrtEnvironment environment;
    private OrtSession detector;
    private OrtSession recognizer;
    private CtcDecoder decoder;

    private OcrEngine(ModelStore store, OcrSettings settings) {
        this.store = store;
        this.settings = settings;
        this.postProcessor = new DbPostProcessor(settings.binaryThreshold(), settings.boxThreshold(), settings.unclipRatio());
    }

    public static OcrEngine create(ModelStore store) {
        return create(store, OcrSettings.defaults());
    }

    public static OcrEngine create(ModelStore store, OcrSettings settings) {
        return new OcrEngine(store, settings);
    }

    /** Loads both models and runs one inference each, so the first real frame is not slow. */
    public void warmUp() {
        long start = System.nanoTime();
        read(RgbImage.blank(64, 64));
        recognizePixels(RgbImage.blank(LINE_HEIGHT * 2, LINE_HEIGHT), List.of(new double[] {0, 0, LINE_HEIGHT * 2, LINE_HEIGHT}));
        log.info("OCR warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** All text lines found in the frame, in reading order (top to bottom, left to right). */
    public List<TextLine> read(RgbImage image) {
        return readPixels(image, 0, 0, image.width(), image.height(), box -> true);
    }

    /**
     * The text lines found in the whole frame whose boxes (normalised frame coordinates) pass {@code wanted}: the
     * others are not recognised, e.g. lines that are read in another way.
     */
    public List<TextLine> read(RgbImage image, Predicate<Box> wanted) {
        return readPixels(image, 0, 0, image.width(), image.height(), wanted);
    }

    /**
     * Text lines inside {@code region} (normalised frame coordinates), e.g. a known overlay, at a
     * fraction of the cost of the whole frame. Detection runs at the scale a whole-frame read uses,
     * so text found there is found here too (the detector misses some thin small fonts at native
     * resolution that it finds downscaled); returned boxes are in frame coordinates.
     */
    public List<TextLine> read(RgbImage image, Box region) {
        int x1 = clamp((int) Math.floor(region.x1() * image.width()), 0, image.width() - 1);
        int y1 = clamp((int) Math.floor(region.y1() * image.height()), 0, image.height() - 1);
        int x2 = clamp((int) Math.ceil(region.x2() * image.width()), x1 + 1, image.width());
        int y2 = clamp((int) Math.ceil(region.y2() * image.height()), y1 + 1, image.height());
        return readPixels(image, x1, y1, x2 - x1, y2 - y1, box -> true);
    }

    /**
     * The text in each of {@code areas} (normalised frame coordinates), recognised without looking
     * for text first: for places known to hold one line, such as a tracked overlay, at a fraction of
     * the cost of {@link #read(RgbImage, Box)}. One line per area, in order, with the area as its
     * box; text the recogniser is unsure of comes back with its low confidence, for the caller to
     * judge, and nothing read is an empty text.
     */
    public List<TextLine> recognize(RgbImage image, List<Box> areas) {
        List<double[]> boxes = areas.stream()
                .map(a -> new double[] {a.x1() * image.width(), a.y1() * image.height(), a.x2() * image.width(), a.y2() * image.height()})
                .toList();
        List<CtcDecoder.Decoded> texts = recognizePixels(image, boxes);
        List<TextLine> lines = new ArrayList<>(areas.size());
        for (int i = 0; i < areas.size(); i++) {
            CtcDecoder.Decoded decoded = texts.get(i);
            lines.add(new TextLine(areas.get(i), text(decoded), decoded.confidence()));
        }
        return lines;
    }

    /** Lines below this confidence are dropped by the reads; callers of {@link #recognize} use it to judge theirs. */
    public double minConfidence() {
        return settings.minConfidence();
    }

    /** The recognised text as a line shows it: compatibility forms folded (full-width digits), ends trimmed. */
    private static String text(CtcDecoder.Decoded decoded) {
        return Normalizer.normalize(decoded.text(), Normalizer.Form.NFKC).strip();
    }

    private List<TextLine> readPixels(RgbImage image, int sx, int sy, int sw, int sh, Predicate<Box> wanted) {
        load();
        double frameRatio = Math.min(1.0, (double) settings.maxSide() / Math.max(image.width(), image.height()));
        List<double[]> boxes = new ArrayList<>();
        List<Box> normalised = new ArrayList<>();
        for (double[] b : detect(image, sx, sy, sw, sh, frameRatio)) {
            Box box = new Box(b[0] / image.width(), b[1] / image.height(), b[2] / image.width(), b[3] / image.height());
            if (!wanted.test(box)) continue;
            boxes.add(b);
            normalised.add(box);
        }
        List<CtcDecoder.Decoded> texts = recognizePixels(image, boxes);
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            CtcDecoder.Decoded decoded = texts.get(i);
            String text = text(decoded);
            if (text.isEmpty() || decoded.confidence() < settings.minConfidence()) continue;
            lines.add(new TextLine(normalised.get(i), text, decoded.confidence()));
        }
        return lines;
    }

    /** Text boxes in image pixels, [x1, y1, x2, y2], in reading order. */
    private List<double[]> detect(RgbImage image, int sx, int sy, int sw, int sh, double ratio) {
        // Scaled exactly, then padded to the multiple of 32 the network needs: stretching a small
        // crop to the next multiple distorts text enough to lose it.
        int rw = Math.max(1, (int) Math.round(sw * ratio));
        int rh = Math.max(1, (int) Math.round(sh * ratio));
        int dw = Math.max(32, (rw + 31) / 32 * 32);
        int dh = Math.max(32, (rh + 31) / 32 * 32);
        float[] input = new float[3 * dw * dh]; // zero padding is the mean colour after normalisation
        PlanarResize.resize(image, sx, sy, sw, sh, rw, rh, input, 0, dw, dh, DETECTION_MEAN, DETECTION_STD);
        float[] probability = run(detector, input, new long[] {1, 3, dh, dw});
        double fx = (double) sw / rw, fy = (double) sh / rh;
        List<double[]> boxes = new ArrayList<>();
        for (DbPostProcessor.MapBox m : postProcessor.boxes(probability, dw, dh)) {
            if (m.x1() >= rw || m.y1() >= rh) continue; // in the padding
            boxes.add(new double[] {sx + m.x1() * fx, sy + m.y1() * fy, sx + Math.min(rw, m.x2()) * fx, sy + Math.min(rh, m.y2()) * fy});
        }
        return readingOrder(boxes);
    }

    /** Top to bottom; boxes whose tops are within half a line of each other are taken left to right. */
    private static List<double[]> readingOrder(List<double[]> boxes) {
        List<double[]> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble((double[] b) -> b[1]).thenComparingDouble(b -> b[0]));
        for (int i = 1; i < sorted.size(); i++) {
            for (int j = i; j > 0; j--) {
                double[] a = sorted.get(j - 1), b = sorted.get(j);
                double tolerance = Math.min(a[3] - a[1], b[3] - b[1]) / 2;
                if (Math.abs(b[1] - a[1]) < tolerance && b[0] < a[0]) {
                    sorted.set(j - 1, b);
                    sorted.set(j, a);
                } else {
                    break;
                }
            }
        }
        return sorted;
    }

    private List<CtcDecoder.Decoded> recognizePixels(RgbImage image, List<double[]> boxes) {
        load();
        int n = boxes.size();
        int[][] crops = new int[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double[] b = boxes.get(i);
            int x1 = clamp((int) Math.floor(b[0]), 0, image.width() - 1);
            int y1 = clamp((int) Math.floor(b[1]), 0, image.height() - 1);
            int x2 = clamp((int) Math.ceil(b[2]), x1 + 1, image.width());
            int y2 = clamp((int) Math.ceil(b[3]), y1 + 1, image.height());
            crops[i] = new int[] {x1, y1, x2 - x1, y2 - y1};
            order[i] = i;
        }
        // Similar widths share a batch, so little of the batch is padding: a line joins the batch only
        // while it is at most MAX_BATCH_PADDING times as wide as the batch's narrowest (padding is computed too).
        Arrays.sort(order, Comparator.comparingDouble(i -> (double) crops[i][2] / crops[i][3]));
        CtcDecoder.Decoded[] results = new CtcDecoder.Decoded[n];
        for (int from = 0, to; from < n; from = to) {
            int narrowest = Math.max(MIN_LINE_WIDTH, scaledWidth(crops[order[from]]));
            to = from + 1;
            while (to < n && to - from < BATCH && scaledWidth(crops[order[to]]) <= MAX_BATCH_PADDING * narrowest) to++;
            int width = MIN_LINE_WIDTH;
            for (int k = from; k < to; k++) width = Math.max(width, scaledWidth(crops[order[k]]));
            int plane = LINE_HEIGHT * width;
            float[] input = new float[(to - from) * 3 * plane]; // zero = mid-grey padding, as PaddleOCR pads
            for (int k = from; k < to; k++) {
                int[] c = crops[order[k]];
                PlanarResize.resize(image, c[0], c[1], c[2], c[3], scaledWidth(c), LINE_HEIGHT,
                        input, (k - from) * 3 * plane, width, LINE_HEIGHT, RECOGNITION_MEAN, RECOGNITION_STD);
            }
            long[] shape = {to - from, 3, LINE_HEIGHT, width};
            float[] output = run(recognizer, input, shape);
            int classes = decoder.classes();
            int steps = output.length / ((to - from) * classes);
            for (int k = from; k < to; k++) {
                results[order[k]] = decoder.decode(output, (k - from) * steps * classes, steps, classes);
            }
        }
        return List.of(results);
    }

    private static int scaledWidth(int[] crop) {
        return Math.max(1, (int) Math.ceil(LINE_HEIGHT * (double) crop[2] / crop[3]));
    }

    private float[] run(OrtSession session, float[] input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            return OnnxOutputs.floats((OnnxTensor) result.get(0));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on input " + Arrays.toString(shape), e);
        }
    }

    private synchronized void load() {
        if (recognizer != null) return;
        Path detection = store.path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_DETECTION);
        Path recognition = store.path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_RECOGNITION);
        Path keys = store.path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_KEYS);
        try {
            environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(settings.threads());
                detector = environment.createSession(simplified(detection), options);
                decoder = new CtcDecoder(Files.readAllLines(keys));
                recognizer = environment.createSession(simplified(recognition), options);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load PP-OCR models from " + detection.getParent(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model with its convolutions' scalar affines folded in and hard-swish in two ops ({@link OnnxSimplifier}):
     * the same outputs, in about 15 % less time on one core.
     */
    private static byte[] simplified(Path model) throws IOException {
        OnnxSimplifier.Simplified s = OnnxSimplifier.simplify(Files.readAllBytes(model));
        log.debug("{}: {} affines folded into convolutions, {} hard-swishes in two ops", model.getFileName(),
                s.affinesAfter() + s.affinesBefore(), s.hardSwishes());
        return s.model();
    }

    @Override
    public synchronized void close() {
        try {
            if (detector != null) detector.close();
            if (recognizer != null) recognizer.close();
        } catch (OrtException e) {
            log.warn("Closing OCR sessions failed", e);
        }
        detector = null;
        recognizer = null;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
