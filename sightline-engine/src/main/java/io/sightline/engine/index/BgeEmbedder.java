package io.sightline.engine.index;

import io.sightline.vision.embed.TextEmbedder;

/** The production {@link Embedder}: bge-small-en-v1.5 from the vision module, with its query instruction. */
public final class BgeEmbedder implements Embedder {
    /**
     * bge's cosines are compressed into a high band. Measured with the query instruction on caption /
     * query pairs: a caption that answers the query 0.64-0.78; unrelated ones 0.33-0.61 ("raining"
     * at most 0.54, "a dog" 0.47). Below 0.6 a neighbour is noise, not a match; the two bands still
     * touch, which is why filters and BM25 carry the precision and vectors only help the ranking.
     */
    static final double MIN_SIMILARITY = 0.6;

    private final TextEmbedder embedder;

    public BgeEmbedder(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public int dimension() {
        return TextEmbedder.DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return embedder.embed(text);
    }

    @Override
    public float[] embedQuery(String query) {
        return embedder.embedQuery(query);
    }

    @Override
    public double minSimilarity() {
        return MIN_SIMILARITY;
    }
}
