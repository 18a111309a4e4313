package io.sightline.detector.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertedModelCacheTest {
    @TempDir Path dir;

    @Test
    void load_whenLoadedTwice_convertsOnceAndReadsTheCacheAfterwards() throws Exception {
        Path model = TinyTfjsModel.write(dir);

        ConvertedModelCache.Loaded first = ConvertedModelCache.load(model, TfjsGraphConverter.CONVERSION);
        ConvertedModelCache.Loaded second = ConvertedModelCache.load(model, TfjsGraphConverter.CONVERSION);

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(first.cacheFile()).exists().hasParent(dir);
        assertThat(second.model()).isEqualTo(first.model());
    }

    @Test
    void cacheFileFor_whenWeightsChange_namesAnotherFile() throws Exception {
        Path model = TinyTfjsModel.write(dir);
        Path before = ConvertedModelCache.cacheFileFor(model, TfjsGraphConverter.CONVERSION);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        weights[weights.length - 1] ^= 1;
        Files.write(dir.resolve("weights.bin"), weights);

        assertThat(ConvertedModelCache.cacheFileFor(model, TfjsGraphConverter.CONVERSION)).isNotEqualTo(before);
        assertThat(before.getFileName().toString()).startsWith("model.tf" + TfjsGraphConverter.VERSION + "-").endsWith(".pb");
    }
}
