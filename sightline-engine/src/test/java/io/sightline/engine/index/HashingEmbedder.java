package io.sightline.engine.index;

import java.util.Locale;
import java.util.Map;

/**
 * A deterministic stand-in for a text embedding model: words hashed into 384 dimensions, with a few
 * synonyms folded onto one word so that tests can show a vector match that shares no word with the
 * caption (which BM25 cannot find).
 */
final class HashingEmbedder implements Embedder {
    static final int DIMENSION = 384;
    private static final Map<String, String> SYNONYMS = Map.of("automobile", "car", "motorbike", "motorcycle");

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** Unrelated texts share no words and score 0 (up to hash collisions). */
    @Override
    public double minSimilarity() {
        return 0.1;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) continue;
            vector[Math.floorMod(SYNONYMS.getOrDefault(word, word).hashCode(), DIMENSION)] += 1;
        }
        return vector;
    }
}
