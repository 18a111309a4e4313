package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.vision.model.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorsTest {
    @TempDir Path models;

    @Test
    void byName_whenCreated_fetchesNothingUntilUsed() throws Exception {
        ModelStore store = ModelStore.create(models);

        try (LoadableDetector detector = Detectors.byName("NanoDet", store, DetectorSettings.defaults())) {
            assertThat(detector).isInstanceOf(NanoDetDetector.class);
        }
        try (Stream<Path> files = Files.list(models)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void byName_whenUnknown_namesTheKnownDetectors() {
        assertThatThrownBy(() -> Detectors.byName("yolo", ModelStore.create(models), DetectorSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("centernet").hasMessageContaining("nanodet");
    }
}
