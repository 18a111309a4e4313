package io.sightline.vision.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.vision.model.ModelStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEmbedderTest {
    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = TextEmbedder.create(ModelStore.create(ModelStore.defaultDirectory()));
        embedder.warmUp();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void embed_returnsUnitLength384Vector() {
        float[] v = embedder.embed("A white SUV stopped ahead.");

        assertThat(v).hasSize(TextEmbedder.DIMENSIONS);
        double norm = 0;
        for (float x : v) norm += x * x;
        assertThat(norm).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void embed_whenSentencesSimilar_scoresHigherThanUnrelated() {
        float[] scooter = embedder.embed("A scooter crosses the road from left to right in front of the car.");
        float[] motorbike = embedder.embed("Motorcycle crossing the street ahead of the camera car.");
        float[] kitchen = embedder.embed("Bottles are moved around on a kitchen table.");

        assertThat(TextEmbedder.cosine(scooter, motorbike)).isGreaterThan(TextEmbedder.cosine(scooter, kitchen) + 0.1);
    }

    @Test
    void embedQuery_whenQueryMatchesOneCaption_ranksItFirst() {
        List<String> captions = List.of(
                "Daytime freeway. Grey sedan overtaking on the left.",
                "Night. Camera car stopped at a red light.",
                "Town street. Pedestrian crossing right to left close ahead.");
        List<float[]> passages = embedder.embed(captions);
        float[] query = embedder.embedQuery("someone walking across the road in front of us");

        int best = 0;
        for (int i = 1; i < passages.size(); i++) {
            if (TextEmbedder.cosine(query, passages.get(i)) > TextEmbedder.cosine(query, passages.get(best))) best = i;
        }
        assertThat(best).isEqualTo(2);
    }

    @Test
    void embed_whenBatched_nearlyMatchesOneByOne() {
        List<String> texts = List.of("short", "a considerably longer sentence that needs padding in a batch");
        List<float[]> batch = embedder.embed(texts);

        for (int i = 0; i < texts.size(); i++) {
            // Not exact: the quantised model scales activations per tensor, and padding is part of the tensor.
            assertThat(TextEmbedder.cosine(batch.get(i), embedder.embed(texts.get(i)))).isCloseTo(1.0, within(0.02));
        }
    }

    @Test
    void embed_whenTextLongerThanModelLimit_truncatesInsteadOfFailing() {
        assertThat(embedder.embed("car ".repeat(2000))).hasSize(TextEmbedder.DIMENSIONS);
    }
}
