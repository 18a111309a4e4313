package io.sightline.vision.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.sightline.vision.model.ModelCatalog;
import io.sightline.vision.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings with bge-small-en-v1.5 (quantised ONNX): 384 dimensions, CLS pooling,
 * L2-normalised, so the dot product of two embeddings is their cosine similarity. Loaded on first
 * use; thread-safe.
 */
public final class TextEmbedder implements AutoCloseable {
    public static final int DIMENSIONS = 384;
    private static final int MAX_TOKENS = 512;
    /** BGE's instruction for short queries matched against longer passages. */
    private static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final ModelStore store;
    private OrtEnvironment environment;
    private OrtSession session;
    private HuggingFaceTokenizer tokenizer;

    private TextEmbedder(ModelStore store) {
        this.store = store;
    }

    public static TextEmbedder create(ModelStore store) {
        return new TextEmbedder(store);
    }

    public void warmUp() {
        embed("warm up");
    }

    public float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    /** A search query, embedded with BGE's query instruction so it matches passages (captions) better. */
    public float[] embedQuery(String query) {
        return embed(QUERY_INSTRUCTION + query);
    }

    /**
     * One embedding per text, in order; texts longer than 512 tokens are truncated. Batching is
     * faster but not bit-identical to one-by-one (cosine above 0.99): the quantised model scales
     * activations per tensor, padding included.
     */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        load();
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int length = 0;
        for (Encoding e : encodings) length = Math.max(length, e.getIds().length);
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] tokenIds = encodings[b].getIds();
            long[] attention = encodings[b].getAttentionMask();
            System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
            System.arraycopy(attention, 0, mask, b * length, attention.length);
        }
        long[] shape = {batch, length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attentionMask = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor tokenTypes = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[batch * length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attentionMask, "token_type_ids", tokenTypes))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            List<float[]> embeddings = new ArrayList<>(batch);
            for (int b = 0; b < batch; b++) {
                float[] cls = new float[DIMENSIONS];
                hidden.get(b * length * DIMENSIONS, cls); // the [CLS] token is the first of each sequence
                embeddings.add(normalise(cls));
            }
            return embeddings;
        } catch (OrtException e) {
            throw new IllegalStateException("Text embedding failed", e);
        }
    }

    /** Cosine similarity; for embeddings from this class it is their dot product. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) v[i] *= scale;
        return v;
    }

    private synchronized void load() {
        if (session != null) return;
        Path model = store.path(ModelCatalog.BGE_SMALL_EN, ModelCatalog.BGE_MODEL);
        Path tokenizerFile = store.path(ModelCatalog.BGE_SMALL_EN, ModelCatalog.BGE_TOKENIZER);
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile, Map.of(
                    "maxLength", String.valueOf(MAX_TOKENS), "truncation", "true", "padding", "false"));
            environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                session = environment.createSession(model.toString(), options);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the tokenizer " + tokenizerFile, e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load " + model, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (session != null) session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        if (tokenizer != null) tokenizer.close();
        session = null;
        tokenizer = null;
    }
}
