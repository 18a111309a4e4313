package io.sightline.engine.index;

/** Which ranking found a hit. */
public enum Retriever {
    /** BM25 over caption, on-screen text and labels. */
    TEXT,
    /** Nearest caption embeddings. */
    VECTOR,
    /** The query had no words to rank by: the hit only satisfies the filters. */
    FILTER
}
