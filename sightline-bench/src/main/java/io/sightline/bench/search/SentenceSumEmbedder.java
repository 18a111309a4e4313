package io.sightline.bench.search;

import io.sightline.engine.index.Embedder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cheap stand-in for embedding a million captions with bge (about 2.5 ms each, 40+ minutes on
 * this machine): each caption sentence is embedded once by the real model and cached, with its
 * digits replaced by 0 so that overlay clocks and speeds share one entry; a caption's vector is the
 * sum of its sentences' vectors (the index normalises it). Queries use the real model unchanged.
 * The vectors therefore live in bge's space and carry its semantics, but are not what bge would
 * give for the whole caption.
 */
final class SentenceSumEmbedder implements Embedder {
    private final Embedder model;
    private final ConcurrentHashMap<String, float[]> sentences = new ConcurrentHashMap<>();
    private final AtomicLong modelCalls = new AtomicLong();
    private final AtomicLong modelNanos = new AtomicLong();

    SentenceSumEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public double minSimilarity() {
        return model.minSimilarity();
    }

    @Override
    public float[] embed(String caption) {
        float[] sum = new float[model.dimension()];
        for (String sentence : caption.split("(?<=\\.) ")) {
            float[] v = sentences.computeIfAbsent(sentence.replaceAll("[0-9]", "0"), this::timedEmbed);
            for (int i = 0; i < sum.length; i++) sum[i] += v[i];
        }
        return sum;
    }

    private float[] timedEmbed(String sentence) {
        long start = System.nanoTime();
        float[] v = model.embed(sentence);
        modelNanos.addAndGet(System.nanoTime() - start);
        modelCalls.incrementAndGet();
        return v;
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embedQuery(query);
    }

    long distinctSentences() {
        return modelCalls.get();
    }

    double modelSeconds() {
        return modelNanos.get() / 1e9;
    }
}
