package io.sightline.detector;

import io.sightline.detector.tfjs.ConvertedModelCache;
import io.sightline.detector.tfjs.TfjsGraphConverter;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import java.nio.file.Path;

class NanoDetDetectorTest extends DetectorContractTest {
    @Override
    LoadableDetector create(ModelStore store, DetectorSettings settings) {
        return Detectors.nanoDet(store, settings);
    }

    @Override
    Path graphJson(ModelStore store) {
        return store.path(ModelCatalog.NANODET, ModelCatalog.NANODET_GRAPH);
    }

    @Override
    ConvertedModelCache.Conversion conversion() {
        return TfjsGraphConverter.CONVERSION;
    }
}
