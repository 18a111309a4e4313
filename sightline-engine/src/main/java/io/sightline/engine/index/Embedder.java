package io.sightline.engine.index;

/**
 * Turns text into a vector for the caption index. Production plugs in the vision module's text
 * embedder ({@code textEmbedder::embed}); tests use a small deterministic one. Vectors need not be
 * normalised: the index normalises them.
 */
public interface Embedder {

    /** Number of dimensions of every vector this embedder returns. */
    int dimension();

    /** The embedding of an indexed document text (a caption). */
    float[] embed(String text);

    /**
     * Cosine similarity below which a nearest caption is not a match: nearest-neighbour search
     * always returns neighbours, related or not, and where "unrelated" starts depends on the model.
     */
    default double minSimilarity() {
        return 0.0;
    }

    /** The embedding of a search query; models trained with a query instruction override this. */
    default float[] embedQuery(String query) {
        return embed(query);
    }
}
