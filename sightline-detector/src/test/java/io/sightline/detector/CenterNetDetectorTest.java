package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.detector.tfjs.ConvertedGraphCache;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CenterNetDetectorTest {
    private static ModelStore store;
    private static CenterNetDetector detector;

    @BeforeAll
    static void loadModel() {
        store = TestImages.store();
        detector = Detectors.centerNet(store);
        detector.load();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void load_whenModelFetched_cachesTheConvertedGraphNextToIt() {
        ModelLoad again = detector.load();

        assertThat(ConvertedGraphCache.cacheFileFor(store.path(ModelCatalog.CENTERNET, ModelCatalog.CENTERNET_GRAPH))).isRegularFile();
        assertThat(again).isSameAs(detector.load());
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
    void detect_whenThresholdIsAboveEveryScore_findsNothing() {
        try (CenterNetDetector strict = Detectors.centerNet(store, DetectorSettings.defaults().withScoreThreshold(0.99))) {
            assertThat(strict.detect(TestImages.seatedMan(store))).isEmpty();
        }
    }

    @Test
    void detect_whenClosed_fails() {
        CenterNetDetector closed = Detectors.centerNet(store);
        closed.close();

        assertThatThrownBy(() -> closed.detect(TestImages.emptyScene())).isInstanceOf(IllegalStateException.class);
    }
}
