package io.sightline.server.perception;

import io.sightline.detector.DetectorSettings;
import io.sightline.detector.Detectors;
import io.sightline.detector.attributes.ColorName;
import io.sightline.detector.attributes.DominantColor;
import io.sightline.engine.index.BgeEmbedder;
import io.sightline.engine.index.SegmentIndex;
import io.sightline.engine.perception.BoxColour;
import io.sightline.engine.perception.MediaFrameSource;
import io.sightline.engine.perception.PerceptionEngine;
import io.sightline.engine.perception.PerceptionSettings;
import io.sightline.media.MediaProcessor;
import io.sightline.vision.detect.ObjectDetector;
import io.sightline.vision.embed.TextEmbedder;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.ocr.OcrEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The perception engine and the search index with the models behind them, built on first use so
 * a server that never perceives never loads a model. One instance per server; closed with it.
 */
public final class PerceptionModels implements AutoCloseable {

    /** The models perception needs, fetched by {@code sightline serve} before it starts. */
    public static final List<String> REQUIRED = List.of(ModelCatalog.CENTERNET, ModelCatalog.PPOCR_V4, ModelCatalog.BGE_SMALL_EN);

    private final ModelStore store;
    private final Path indexDir;
    private final PerceptionSettings settings;
    private PerceptionEngine engine;
    private ObjectDetector detector;
    private OcrEngine ocr;
    private TextEmbedder embedder;
    private SegmentIndex index;

    public PerceptionModels(ModelStore store, Path indexDir, PerceptionSettings settings) {
        this.store = store;
        this.indexDir = indexDir;
        this.settings = settings;
    }

    public synchronized PerceptionEngine engine() {
        if (engine == null) {
            detector = Detectors.centerNet(store, DetectorSettings.defaults());
            ocr = OcrEngine.create(store);
            engine = PerceptionEngine.builder(new MediaFrameSource(new MediaProcessor()))
                    .detector(detector).ocr(ocr).colours(colourNamer()).settings(settings).build();
        }
        return engine;
    }

    public synchronized SegmentIndex index() {
        if (index == null) {
            embedder = TextEmbedder.create(store);
            index = SegmentIndex.open(indexDir, new BgeEmbedder(embedder));
        }
        return index;
    }

    /**
     * Removes a video's segments from the index. Without an index on disk nothing was ever indexed,
     * so the index (and its embedding model) is not opened just to find that out.
     */
    public synchronized void deleteVideo(String videoId) {
        if (index == null && !java.nio.file.Files.exists(indexDir)) return;
        index().deleteVideo(videoId);
    }

    private static BoxColour colourNamer() {
        return (image, box) -> {
            ColorName colour = DominantColor.of(image, box);
            return colour == ColorName.UNKNOWN ? Optional.empty() : Optional.of(colour.word());
        };
    }

    @Override
    public synchronized void close() {
        if (index != null) index.close();
        if (embedder != null) embedder.close();
        if (ocr != null) ocr.close();
        if (detector != null) detector.close();
    }
}
