package io.sightline.detector.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertedGraphCacheTest {
    @TempDir Path dir;

    @Test
    void load_whenLoadedTwice_convertsOnceAndReadsTheCacheAfterwards() throws Exception {
        Path model = TinyTfjsModel.write(dir);

        ConvertedGraphCache.Loaded first = ConvertedGraphCache.load(model);
        ConvertedGraphCache.Loaded second = ConvertedGraphCache.load(model);

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(first.cacheFile()).exists().hasParent(dir);
        assertThat(second.graph()).isEqualTo(first.graph());
    }

    @Test
    void cacheFileFor_whenWeightsChange_namesAnotherFile() throws Exception {
        Path model = TinyTfjsModel.write(dir);
        Path before = ConvertedGraphCache.cacheFileFor(model);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        weights[weights.length - 1] ^= 1;
        Files.write(dir.resolve("weights.bin"), weights);

        assertThat(ConvertedGraphCache.cacheFileFor(model)).isNotEqualTo(before);
        assertThat(before.getFileName().toString()).startsWith("model.tf" + TfjsGraphConverter.VERSION + "-").endsWith(".pb");
    }
}
