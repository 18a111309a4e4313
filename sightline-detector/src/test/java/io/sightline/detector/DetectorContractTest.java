package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.detector.tfjs.ConvertedModelCache;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every detector must do, run against the real model fetched through the model store. One
 * subclass per detector; one loaded detector per subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DetectorContractTest {
    protected ModelStore store;
    private LoadableDetector detector;

    /** A detector over the store's copy of the model; not loaded yet. */
    abstract LoadableDetector create(ModelStore store, DetectorSettings settings);

    /** The model's graph JSON in the store. */
    abstract Path graphJson(ModelStore store);

    /** How the detector converts its TF.js model for its runtime. */
    abstract ConvertedModelCache.Conversion conversion();

    @BeforeAll
    void loadModel() {
        store = TestImages.store();
        detector = create(store, DetectorSettings.defaults());
        detector.load();
    }

    @AfterAll
    void closeModel() {
        detector.close();
    }

    @Test
    void load_whenModelFetched_cachesTheConvertedModelNextToIt() {
        ModelLoad first = detector.load();

        assertThat(ConvertedModelCache.cacheFileFor(graphJson(store), conversion())).isRegularFile();
        assertThat(detector.load()).isSameAs(first);
    }

    @Test
    void detect_whenFrameHasNoObjects_findsNothingAboveTheThreshold() {
        assertThat(detector.detect(TestImages.emptyScene())).isEmpty();
        assertThat(detector.detect(RgbImage.blank(640, 480))).isEmpty();
    }

    @Test
    void detect_whenPhotoShowsAPerson_findsAPersonCoveringIt() {
        List<Detection> found = detector.detect(TestImages.seatedMan(store));

        assertThat(found).isNotEmpty();
        Detection best = found.get(0);
        assertThat(best.label()).isEqualTo("person");
        assertThat(best.classId()).isZero();
        assertThat(best.box().centerX()).isBetween(0.3, 0.7);
        assertThat(best.box().area()).isGreaterThan(0.2);
    }

    @Test
    void detect_whenPersonIsOnTheRightOfAWideFrame_boxIsWhereThePersonIs() {
        RgbImage frame = TestImages.pasted(TestImages.standingWoman(store), 3, 800, 200);

        List<Detection> people = detector.detect(frame).stream().filter(d -> d.label().equals("person")).toList();

        assertThat(people).hasSize(1);
        // the photo covers x 800-1250 of 1280 and y 200-668 of 720; she stands in its middle
        assertThat(people.get(0).box().centerX()).isBetween(900 / 1280.0, 1150 / 1280.0);
        assertThat(people.get(0).box().centerY()).isBetween(250 / 720.0, 620 / 720.0);
        assertThat(people.get(0).box().height()).isGreaterThan(0.4);
    }

    @Test
    void detect_whenDetectionsReturned_areSortedBestFirst() {
        List<Detection> found = detector.detect(TestImages.pasted(TestImages.seatedMan(store), 2, 100, 100));

        assertThat(found).extracting(Detection::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void detect_whenThresholdIsAboveEveryScore_findsNothing() {
        try (LoadableDetector strict = create(store, DetectorSettings.defaults().withScoreThreshold(0.99))) {
            assertThat(strict.detect(TestImages.seatedMan(store))).isEmpty();
        }
    }

    @Test
    void detect_whenClosed_fails() {
        LoadableDetector closed = create(store, DetectorSettings.defaults());
        closed.close();

        assertThatThrownBy(() -> closed.detect(TestImages.emptyScene())).isInstanceOf(IllegalStateException.class);
    }
}
