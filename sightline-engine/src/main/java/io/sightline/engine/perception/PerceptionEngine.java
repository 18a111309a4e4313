package io.sightline.engine.perception;

import io.sightline.api.Segment;
import io.sightline.motion.ego.EgoMotionConfig;
import io.sightline.motion.ego.EgoMotionEstimator;
import io.sightline.motion.ego.EgoMotionFrame;
import io.sightline.motion.ego.EgoMotionTimeline;
import io.sightline.motion.scene.SceneAnalyzer;
import io.sightline.motion.scene.SceneSample;
import io.sightline.motion.scene.SceneTimeline;
import io.sightline.motion.track.MultiObjectTracker;
import io.sightline.motion.track.ObservedDetection;
import io.sightline.motion.track.TrackerConfig;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.detect.ObjectDetector;
import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.ocr.OcrEngine;
import io.sightline.vision.ocr.TextLine;
import io.sightline.vision.overlay.OverlayRereader;
import io.sightline.vision.overlay.OverlayTracker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Perceives a video into segments: samples frames, and per frame runs the detector (with box
 * colours), ego-motion on the background (object and overlay boxes masked), the tracker (fed the
 * ego-motion so motions are relative to the scene) and scene statistics; OCR reads a whole frame
 * now and then to find overlays and scene text, and re-reads the overlay bands in between. At the
 * end the per-video judgements (fixed camera, tunnel after daylight, stable overlays) are made and
 * the video is cut into segments with captions.
 *
 * <p>The detector and OCR are optional: without them a segment's {@code objects} or {@code texts}
 * are null ("not perceived"), and the result says so in its warnings. An instance may perceive
 * several videos at once when its detector and OCR are thread-safe; all per-video state lives in
 * one call.
 */
public final class PerceptionEngine {
    private static final int MAX_STAGE_WARNINGS = 20;
    /** The borders of the frame are read every {@link #DISCOVERY_READ_SECONDS} for this long, or until an overlay is found. */
    static final double OVERLAY_DISCOVERY_SECONDS = 5;
    /**
     * An overlay must be read in 3 frames over 3 s to count as one, and small thin fonts are missed
     * in some frames: reading every second gives it 5 chances in the first 5 s instead of 3.
     */
    static final double DISCOVERY_READ_SECONDS = 1;
    /**
     * Ego-motion masks the overlays known as of the frame this long before, not the current one: reading runs
     * on its own thread, and a fixed lag keeps the results independent of how far it has got. Overlays stay for
     * the whole video, and proving one takes 3 s of reads anyway.
     */
    static final double OVERLAY_MASK_LAG_SECONDS = 2;

    private final FrameSource frameSource;
    private final ObjectDetector detector;
    private final OcrEngine ocr;
    private final BoxColour colours;
    private final PerceptionSettings settings;
    private final TrackerConfig trackerConfig;
    private final EgoMotionConfig egoConfig;

    private PerceptionEngine(Builder b) {
        frameSource = b.frameSource;
        detector = b.detector;
        ocr = b.ocr;
        colours = b.colours;
        settings = b.settings;
        trackerConfig = b.trackerConfig;
        egoConfig = b.egoConfig;
    }

    public static Builder builder(FrameSource frameSource) {
        return new Builder(frameSource);
    }

    public PerceptionSettings settings() {
        return settings;
    }

    /** The same engine (models, settings) reading frames from {@code source}, e.g. one that also writes a storyboard. */
    public PerceptionEngine withFrameSource(FrameSource source) {
        return builder(source).detector(detector).ocr(ocr).colours(colours).settings(settings).trackerConfig(trackerConfig)
                .egoConfig(egoConfig).build();
    }

    /**
     * Perceives one video. Corrupt frames and failures of a stage on single frames are skipped and
     * reported in {@link PerceptionResult#warnings()}; a video that cannot be decoded at all throws
     * {@link FrameDecodingException}.
     */
    public PerceptionResult perceive(String videoId, Path video, ProgressListener progress) {
        Objects.requireNonNull(videoId, "videoId");
        var run = new Run();
        try (FrameSource.Frames frames = frameSource.open(video, settings.fps(), settings.maxWidth());
             EgoMotionEstimator egoEstimator = EgoMotionEstimator.create(egoConfig);
             Lookahead ahead = new Lookahead(frames, run);
             TextReading text = ocr == null ? null : new TextReading(run)) {
            MultiObjectTracker tracker = MultiObjectTracker.create(trackerConfig);
            SceneAnalyzer sceneAnalyzer = SceneAnalyzer.create();
            List<EgoMotionFrame> egoFrames = new ArrayList<>();
            List<SceneSample> sceneSamples = new ArrayList<>();
            List<Double> frameTimes = new ArrayList<>();
            Deque<Future<List<Box>>> overlaysAfterRead = new ArrayDeque<>();
            int overlayLag = (int) Math.ceil(OVERLAY_MASK_LAG_SECONDS * settings.fps());
            List<Box> knownOverlays = List.of();
            int reported = -1;

            for (Sampled sampled = ahead.take(); sampled != null; sampled = ahead.take()) {
                double t = sampled.seconds();
                run.frames++;
                frameTimes.add(t);
                RgbImage image = sampled.image();
                if (text != null) {
                    overlaysAfterRead.addLast(text.read(t, image));
                    if (overlaysAfterRead.size() > overlayLag) knownOverlays = done(overlaysAfterRead.removeFirst(), "reading text");
                }
                Detected detected = sampled.detected();
                List<Detection> detections = detected.detections();

                List<Box> masked = new ArrayList<>(knownOverlays);
                detections.forEach(d -> masked.add(d.box()));
                Optional<EgoMotionFrame> ego = run.stage("ego", () -> egoEstimator.update(t, image, masked), Optional.empty(), t);
                ego.ifPresent(egoFrames::add);
                run.stage("track", () -> tracker.update(t, detected.observed(), ego.orElse(null)), List.of(), t);
                run.stage("scene", () -> sceneSamples.add(new SceneSample(t, sceneAnalyzer.measure(image))), false, t);

                double duration = frames.durationSeconds();
                if (duration > 0) {
                    int percent = (int) Math.min(99, Math.floor(100 * t / duration));
                    if (percent > reported) {
                        reported = percent;
                        progress.progress(percent);
                    }
                }
            }
            TextReading.Read read = text == null ? null : text.finish();
            frames.warnings().forEach(run::warn);
            if (run.frames == 0) throw new FrameDecodingException("no frame could be decoded from " + video.getFileName());

            double frameInterval = 1 / settings.fps();
            double duration = Double.isFinite(frames.durationSeconds()) && frames.durationSeconds() > 0
                    ? frames.durationSeconds() : ahead.lastTime() + frameInterval;
            if (detector == null) run.warnings.add("no object detector configured: objects were not perceived");
            if (ocr == null) run.warnings.add("no OCR configured: on-screen text was not read");
            List<Segment> segments = run.time("segments", () -> new SegmentAssembler(videoId, duration, settings.segmentSeconds(),
                    detector == null ? null : tracker.tracks(),
                    egoFrames.isEmpty() ? null : EgoMotionTimeline.of(egoFrames, egoConfig),
                    sceneSamples.isEmpty() ? null : SceneTimeline.of(sceneSamples),
                    read == null ? null : read.overlays(), read == null ? List.of() : read.reads(), frameTimes).segments());
            progress.progress(100);
            return new PerceptionResult(segments, run.warnings(), duration, run.frames, Run.copy(run.millis), Run.copy(run.cpuMillis));
        }
    }

    /**
     * The next multiple of {@code interval} after {@code t}: reads stay on a fixed grid, so a frame
     * sampled a little late (2.05 s for 2.0) does not push every later read past its frame.
     */
    static double nextDue(double t, double interval) {
        return (Math.floor(t / interval + 1e-6) + 1) * interval;
    }

    private record Detected(List<Detection> detections, List<ObservedDetection> observed) {
        static final Detected NONE = new Detected(List.of(), List.of());
    }

    /** A sampled frame and the detections of it, which may still be running. */
    private record Sampled(double seconds, RgbImage image, Future<Detected> detections) {
        Detected detected() {
            return done(detections, "detection");
        }
    }

    /** The result of work on another thread of this video's, waiting for it. */
    private static <T> T done(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("perception was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    private static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * OCR of one video on a thread of its own, frame by frame in order: a whole frame every
     * {@link PerceptionSettings#fullFrameOcrSeconds()}; until an overlay is found, the frame's borders
     * every {@link #DISCOVERY_READ_SECONDS}; after that the known overlays every
     * {@link PerceptionSettings#overlayReadSeconds()}, and whole-frame reads leave them to the rereader.
     * Reads keep to fixed time grids ({@link #nextDue}).
     * Nothing else waits for a read, so reading overlaps detection, ego-motion and scene statistics.
     */
    private final class TextReading implements AutoCloseable {
        /** What was read, once every frame has been. */
        record Read(OverlayTracker overlays, List<TextRead> reads) {}

        private final Run run;
        private final ExecutorService reading = thread("perception-ocr");
        private final OverlayRereader rereader = new OverlayRereader(ocr);
        private final List<TextRead> reads = new ArrayList<>();
        private OverlayTracker overlays;
        private double nextFullRead;
        private double nextDiscoveryRead;
        private double nextOverlayRead;
        private Future<?> last = CompletableFuture.completedFuture(null);

        TextReading(Run run) {
            this.run = run;
        }

        /** Queues the frame; the future gives the overlay boxes known once it has been read. */
        Future<List<Box>> read(double t, RgbImage image) {
            Future<List<Box>> boxes = reading.submit(() -> {
                readFrame(t, image);
                return overlays.regionBoxes();
            });
            last = boxes;
            return boxes;
        }

        /** Waits for the frames queued so far; the reads then belong to the caller. */
        Read finish() {
            done(last, "reading text");
            return new Read(overlays, reads);
        }

        private void readFrame(double t, RgbImage image) {
            if (overlays == null) overlays = OverlayTracker.create((double) image.width() / image.height());
            OverlayTracker tracker = overlays;
            if (t >= nextFullRead - 1e-6) {
                if (tracker.hasRegions()) {
                    readFrameAroundOverlays(t, image, tracker);
                } else {
                    List<TextLine> lines = run.stage("ocr", () -> ocr.read(image), List.of(), t);
                    tracker.accept(t, lines);
                    reads.add(new TextRead(t, lines, true));
                }
                nextFullRead = nextDue(t, settings.fullFrameOcrSeconds());
                nextDiscoveryRead = nextDue(t, DISCOVERY_READ_SECONDS);
                nextOverlayRead = nextDue(t, settings.overlayReadSeconds());
            } else if (!tracker.hasRegions()) {
                // until an overlay is found, the start of a video is read densely: an overlay needs a few reads
                // in a row to prove it stays put, and it is there from the first frame on almost always. Only
                // the borders of the frame, where overlays are, are read in between the whole-frame reads.
                if (t < OVERLAY_DISCOVERY_SECONDS && t >= nextDiscoveryRead - 1e-6) {
                    for (Box border : tracker.borders()) {
                        List<TextLine> lines = run.stage("ocr", () -> ocr.read(image, border), List.of(), t);
                        tracker.accept(t, lines, border);
                        reads.add(new TextRead(t, lines, false));
                    }
                    nextDiscoveryRead = nextDue(t, DISCOVERY_READ_SECONDS);
                }
            } else if (t >= nextOverlayRead - 1e-6) {
                OverlayRereader.Reread reread = reread(t, image, tracker);
                if (!reread.inPlace().isEmpty()) reads.add(new TextRead(t, reread.inPlace(), false));
                addBandReads(t, reread);
                nextOverlayRead = nextDue(t, settings.overlayReadSeconds());
            }
        }

        /**
         * A whole-frame read once overlays are known: the lines in their line areas are not recognised with the
         * rest but re-read in place, as between whole-frame reads, at a fraction of the cost (on a dashcam the
         * overlay lines are most of what a whole frame holds). The read holds both, so a row joins as before.
         */
        private void readFrameAroundOverlays(double t, RgbImage image, OverlayTracker tracker) {
            List<OverlayTracker.LineArea> areas = tracker.lineAreas();
            List<TextLine> others = run.stage("ocr", () -> ocr.read(image, box -> areas.stream().noneMatch(a -> a.holdsMostOf(box))), List.of(), t);
            // re-read before the other lines are taken in: an overlay they make stable now was read with them
            OverlayRereader.Reread reread = reread(t, image, tracker);
            tracker.accept(t, others);
            List<TextLine> lines = new ArrayList<>(others);
            lines.addAll(reread.inPlace());
            reads.add(new TextRead(t, lines, true));
            addBandReads(t, reread);
        }

        private OverlayRereader.Reread reread(double t, RgbImage image, OverlayTracker tracker) {
            return run.stage("overlay", () -> rereader.reread(image, t, tracker), OverlayRereader.Reread.NOTHING, t);
        }

        /** The bands read for overlays the rereader was unsure of: reads of overlays only, like the reread's own. */
        private void addBandReads(double t, OverlayRereader.Reread reread) {
            reread.bands().forEach(lines -> reads.add(new TextRead(t, lines, false)));
        }

        @Override
        public void close() {
            reading.shutdownNow();
        }
    }

    /**
     * Reads the sampled frames one ahead and starts detecting the next frame on a thread of its own
     * while the caller works on the current one: ego-motion and scene statistics then overlap the
     * detector, as reading text does on a third thread, and the two cores stay busy (each library
     * alone leaves part of them idle). Frames not after their predecessor are skipped with a warning.
     */
    private final class Lookahead implements AutoCloseable {
        private final FrameSource.Frames frames;
        private final Run run;
        private final ExecutorService detecting;
        private double lastTime = Double.NEGATIVE_INFINITY;
        private Sampled next;
        private boolean started;

        Lookahead(FrameSource.Frames frames, Run run) {
            this.frames = frames;
            this.run = run;
            this.detecting = detector == null ? null : thread("perception-detect");
        }

        /** The next frame, its detections started; null at the end. */
        Sampled take() {
            if (!started) {
                next = read();
                started = true;
            }
            Sampled current = next;
            if (current != null) next = read();
            return current;
        }

        double lastTime() {
            return lastTime;
        }

        private Sampled read() {
            while (true) {
                Optional<VideoFrame> frame = run.time("decode", frames::next);
                if (frame.isEmpty()) return null;
                double t = frame.get().seconds();
                if (t <= lastTime) {
                    run.warn("frame at " + t + " s is not after the previous one (" + lastTime + " s); skipped");
                    continue;
                }
                lastTime = t;
                RgbImage image = frame.get().image();
                Future<Detected> detected = detecting == null ? CompletableFuture.completedFuture(Detected.NONE)
                        : detecting.submit(() -> detect(image, t));
                return new Sampled(t, image, detected);
            }
        }

        private Detected detect(RgbImage image, double t) {
            List<Detection> detections = run.stage("detect", () -> detector.detect(image), List.of(), t);
            return new Detected(detections, run.stage("colour", () -> withColours(image, detections), List.of(), t));
        }

        @Override
        public void close() {
            if (detecting != null) detecting.shutdownNow();
        }
    }

    private List<ObservedDetection> withColours(RgbImage image, List<Detection> detections) {
        List<ObservedDetection> observed = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            observed.add(colours.colourOf(image, d.box()).map(c -> ObservedDetection.withColour(d, c)).orElseGet(() -> ObservedDetection.of(d)));
        }
        return observed;
    }

    /** Per-video bookkeeping: stage times and warnings, from the perceiving thread and the detecting one. */
    private static final class Run {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        final Map<String, Double> millis = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, Double> cpuMillis = Collections.synchronizedMap(new LinkedHashMap<>());
        final Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());
        final AtomicInteger stageFailures = new AtomicInteger();
        int frames;

        <T> T time(String stage, Supplier<T> work) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            try {
                return work.get();
            } finally {
                millis.merge(stage, (System.nanoTime() - start) / 1e6, Double::sum);
                cpuMillis.merge(stage, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6, Double::sum);
            }
        }

        /** Runs a stage on one frame; a failure skips the stage for this frame, with a warning, and does not fail the video. */
        <T> T stage(String stage, Supplier<T> work, T fallback, double t) {
            try {
                return time(stage, work);
            } catch (RuntimeException e) {
                if (stageFailures.incrementAndGet() <= MAX_STAGE_WARNINGS) warn(stage + " failed on the frame at " + t + " s: " + e.getMessage());
                return fallback;
            }
        }

        void warn(String message) {
            warnings.add(message);
        }

        static Map<String, Double> copy(Map<String, Double> synchronizedMap) {
            synchronized (synchronizedMap) {
                return new LinkedHashMap<>(synchronizedMap);
            }
        }

        List<String> warnings() {
            synchronized (warnings) {
                return new ArrayList<>(warnings);
            }
        }
    }

    public static final class Builder {
        private final FrameSource frameSource;
        private ObjectDetector detector;
        private OcrEngine ocr;
        private BoxColour colours = BoxColour.none();
        private PerceptionSettings settings = PerceptionSettings.defaults();
        private TrackerConfig trackerConfig = TrackerConfig.defaults();
        private EgoMotionConfig egoConfig = EgoMotionConfig.defaults();

        private Builder(FrameSource frameSource) {
            this.frameSource = Objects.requireNonNull(frameSource, "frameSource");
        }

        public Builder detector(ObjectDetector detector) { this.detector = detector; return this; }

        public Builder ocr(OcrEngine ocr) { this.ocr = ocr; return this; }

        public Builder colours(BoxColour colours) { this.colours = Objects.requireNonNull(colours); return this; }

        public Builder settings(PerceptionSettings settings) { this.settings = Objects.requireNonNull(settings); return this; }

        public Builder trackerConfig(TrackerConfig config) { this.trackerConfig = Objects.requireNonNull(config); return this; }

        public Builder egoConfig(EgoMotionConfig config) { this.egoConfig = Objects.requireNonNull(config); return this; }

        public PerceptionEngine build() {
            return new PerceptionEngine(this);
        }
    }
}
