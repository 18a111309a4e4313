package io.sightline.engine.index;

import static io.sightline.engine.index.IndexFields.*;

import io.sightline.api.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;

/**
 * The on-disk search index of segments: one Lucene document per segment with BM25 text fields
 * (caption, on-screen text, labels), an HNSW vector of the caption's embedding, and keyword
 * filters. A search applies the filters first (organisation always, then folder, video, time and
 * whatever {@link QueryInterpreter} recognised), ranks by BM25 and by vector similarity separately
 * and fuses both lists by reciprocal rank.
 *
 * <p>Thread-safe: one {@link IndexWriter}, searchers refreshed through a {@link SearcherManager}.
 * Every {@code index}/{@code delete} call commits before it returns, so the index survives a restart.
 */
public final class SegmentIndex implements AutoCloseable {
    /** Reciprocal rank fusion constant (Cormack et al. 2009): damps the weight of the very first ranks. */
    static final int RRF_K = 60;
    /** How deep each retriever ranks before fusion. */
    static final int MIN_CANDIDATES = 100;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;
    private final Analyzer analyzer;
    private final SegmentDocuments documents = new SegmentDocuments();
    private final QueryInterpreter interpreter = new QueryInterpreter();

    private SegmentIndex(Directory directory, IndexWriter writer, Embedder embedder, Analyzer analyzer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code directory}. */
    public static SegmentIndex open(Path directory, Embedder embedder) {
        return open(directory, embedder, Settings.defaults());
    }

    public static SegmentIndex open(Path directory, Embedder embedder, Settings settings) {
        Objects.requireNonNull(embedder, "embedder");
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of(OCR, new StandardAnalyzer(), LABELS, new EnglishAnalyzer()));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(settings.ramBufferMb())
                .setCodec(new Lucene103Codec() {
                    // int8 quantised HNSW: a quarter of the float vectors' memory when searching, faster graph building
                    private final KnnVectorsFormat vectors = new Lucene99HnswScalarQuantizedVectorsFormat();

                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return vectors;
                    }
                });
        Directory dir = null;
        try {
            dir = FSDirectory.open(directory);
            return new SegmentIndex(dir, new IndexWriter(dir, config), embedder, analyzer);
        } catch (IOException e) {
            closeQuietly(dir);
            throw new UncheckedIOException("cannot open segment index at " + directory, e);
        }
    }

    /** Tuning for bulk loads; the defaults suit a server. */
    public record Settings(double ramBufferMb) {
        public static Settings defaults() {
            return new Settings(64);
        }
    }

    /** Replaces every indexed segment of {@code video} with {@code segments}, atomically; calling it twice changes nothing. */
    public void index(List<Segment> segments, VideoContext video) {
        indexAll(List.of(new VideoSegments(video, segments)));
    }

    /** {@link #index} for several videos with one commit. */
    public void indexAll(List<VideoSegments> videos) {
        Map<String, float[]> embeddings = new HashMap<>();
        try {
            for (VideoSegments video : videos) add(video, embeddings);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed", e);
        }
    }

    /**
     * Starts a bulk load: videos added through it become visible and durable only when it is closed
     * (one commit instead of one per video, so far fewer and larger index segments). Thread-safe.
     */
    public BulkLoad bulkLoad() {
        return new BulkLoad();
    }

    public final class BulkLoad implements AutoCloseable {
        private BulkLoad() {}

        public void add(VideoSegments video) {
            try {
                SegmentIndex.this.add(video, new HashMap<>());
            } catch (IOException e) {
                throw new UncheckedIOException("indexing video " + video.video().videoId() + " failed", e);
            }
        }

        /** Commits everything added. */
        @Override
        public void close() {
            try {
                commit();
            } catch (IOException e) {
                throw new UncheckedIOException("committing bulk load failed", e);
            }
        }
    }

    private void add(VideoSegments video, Map<String, float[]> embeddings) throws IOException {
        List<Document> docs = new ArrayList<>(video.segments().size());
        for (Segment segment : video.segments()) {
            String caption = documents.caption(segment);
            // captions repeat a lot ("Daytime. Camera car moving."), embeddings are the expensive part
            float[] vector = embeddings.computeIfAbsent(caption, c -> unit(embedder.embed(c)));
            docs.add(documents.document(video.video(), segment, caption, vector));
        }
        writer.updateDocuments(new Term(VIDEO, video.video().videoId()), docs);
    }

    /** Removes every segment of the video; no-op when it has none. */
    public void deleteVideo(String videoId) {
        VideoContext.requireText(videoId, "videoId");
        try {
            writer.deleteDocuments(new Term(VIDEO, videoId));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("deleting video " + videoId + " failed", e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Number of segments indexed for an organisation. */
    public int count(String orgId) {
        return withSearcher(s -> s.count(new TermQuery(new Term(ORG, VideoContext.requireText(orgId, "orgId")))));
    }

    public SearchResult search(SearchQuery query) {
        QueryInterpretation meaning = query.interpretText()
                ? interpreter.interpret(query.text())
                : QueryInterpretation.literal(query.text());
        Query filter = filter(query, meaning);
        int candidates = Math.max(MIN_CANDIDATES, query.limit());
        return withSearcher(searcher -> {
            Map<Integer, Fused> fused = new LinkedHashMap<>();
            Query lexical = lexical(meaning.rankingText());
            if (lexical != null) {
                Query bm25 = new BooleanQuery.Builder().add(lexical, Occur.MUST).add(filter, Occur.FILTER).build();
                rank(searcher.search(bm25, candidates).scoreDocs, Retriever.TEXT, fused);
            }
            if (!meaning.rankingText().isBlank()) {
                float[] vector = unit(embedder.embedQuery(meaning.rankingText()));
                ScoreDoc[] nearest = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, candidates, filter), candidates).scoreDocs;
                rank(exactAboveFloor(searcher, nearest, vector), Retriever.VECTOR, fused);
            } else {
                // nothing to rank by: the filters alone decide, in index order (video, then time)
                rank(searcher.search(filter, query.limit(), Sort.INDEXORDER).scoreDocs, Retriever.FILTER, fused);
            }
            List<Fused> best = fused.values().stream()
                    .sorted((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.doc, b.doc))
                    .limit(query.limit())
                    .toList();
            StoredFields stored = searcher.storedFields();
            List<SegmentHit> hits = new ArrayList<>(best.size());
            for (Fused f : best) {
                Document doc = stored.document(f.doc);
                hits.add(new SegmentHit(doc.get(VIDEO), doc.getField(SEGMENT_INDEX).numericValue().intValue(),
                        doc.getField(START).numericValue().doubleValue(), doc.getField(END).numericValue().doubleValue(),
                        doc.get(CAPTION), f.score, Set.copyOf(f.matchedBy)));
            }
            return new SearchResult(List.copyOf(hits), meaning);
        });
    }

    private static final class Fused {
        final int doc;
        double score;
        final EnumSet<Retriever> matchedBy = EnumSet.noneOf(Retriever.class);

        Fused(int doc) {
            this.doc = doc;
        }
    }

    /**
     * The graph ranks by int8-quantised vectors; rescoring the candidates with the stored floats
     * gives exact cosines, which the relevance floor needs, and a slightly better order.
     */
    private ScoreDoc[] exactAboveFloor(IndexSearcher searcher, ScoreDoc[] nearest, float[] query) throws IOException {
        ScoreDoc[] byDoc = nearest.clone();
        Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc, b.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<ScoreDoc> kept = new ArrayList<>();
        int leafIndex = -1;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator cursor = null;
        for (ScoreDoc hit : byDoc) {
            int leaf = ReaderUtil.subIndex(hit.doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getFloatVectorValues(VECTOR);
                cursor = values == null ? null : values.iterator();
            }
            if (cursor == null) continue;
            int local = hit.doc - leaves.get(leaf).docBase;
            if (cursor.docID() < local) cursor.advance(local);
            if (cursor.docID() != local) continue;
            float cosine = VectorUtil.dotProduct(query, values.vectorValue(cursor.index()));
            if (cosine >= embedder.minSimilarity()) kept.add(new ScoreDoc(hit.doc, cosine));
        }
        kept.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return kept.toArray(ScoreDoc[]::new);
    }

    private static void rank(ScoreDoc[] ranked, Retriever retriever, Map<Integer, Fused> fused) {
        for (int rank = 0; rank < ranked.length; rank++) {
            Fused f = fused.computeIfAbsent(ranked[rank].doc, Fused::new);
            f.score += 1.0 / (RRF_K + rank + 1);
            f.matchedBy.add(retriever);
        }
    }

    /** BM25 over caption, labels and on-screen text; null when the text has no searchable words. */
    private Query lexical(String text) {
        if (text.isBlank()) return null;
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean added = false;
        for (var field : List.of(Map.entry(CAPTION, 1.0f), Map.entry(LABELS, 0.5f), Map.entry(OCR, 1.0f))) {
            Query q = builder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (q != null) {
                any.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
                added = true;
            }
        }
        return added ? any.build() : null;
    }

    /** Everything a hit must satisfy. The organisation clause is always there. */
    private static Query filter(SearchQuery query, QueryInterpretation meaning) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new TermQuery(new Term(ORG, query.orgId())), Occur.FILTER);
        if (!query.videoIds().isEmpty()) all.add(anyOf(VIDEO, query.videoIds()), Occur.FILTER);
        if (query.folderId() != null) all.add(new TermQuery(new Term(FOLDER, query.folderId())), Occur.FILTER);
        if (query.ownerId() != null) all.add(new TermQuery(new Term(OWNER, query.ownerId())), Occur.FILTER);
        if (query.fromSeconds() != null) {
            all.add(DoublePoint.newRangeQuery(START, Double.NEGATIVE_INFINITY, query.toSeconds()), Occur.FILTER);
            all.add(DoublePoint.newRangeQuery(END, query.fromSeconds(), Double.POSITIVE_INFINITY), Occur.FILTER);
        }
        query.requiredClasses().forEach(v -> all.add(new TermQuery(new Term(CLASS, v)), Occur.FILTER));
        query.requiredColours().forEach(v -> all.add(new TermQuery(new Term(COLOUR, v)), Occur.FILTER));
        query.requiredMotions().forEach(v -> all.add(new TermQuery(new Term(MOTION, v)), Occur.FILTER));
        if (!query.lighting().isEmpty()) all.add(anyOf(LIGHTING, query.lighting()), Occur.FILTER);
        if (!query.cameraStates().isEmpty()) all.add(anyOf(CAMERA_STATE, query.cameraStates()), Occur.FILTER);

        for (ObjectConcept object : meaning.objects()) all.add(anyOf(OBJECT, objectTerms(object)), Occur.FILTER);
        if (!meaning.lighting().isEmpty()) all.add(anyOf(LIGHTING, meaning.lighting()), Occur.FILTER);
        if (!meaning.cameraStates().isEmpty()) all.add(anyOf(CAMERA_STATE, meaning.cameraStates()), Occur.FILTER);
        if (!meaning.turns().isEmpty()) all.add(anyOf(TURN, meaning.turns()), Occur.FILTER);
        if (!meaning.laneChanges().isEmpty()) all.add(anyOf(LANE_CHANGE, meaning.laneChanges()), Occur.FILTER);
        if (meaning.braking()) all.add(new TermQuery(new Term(BRAKING, "true")), Occur.FILTER);
        if (meaning.glare()) all.add(new TermQuery(new Term(GLARE, "true")), Occur.FILTER);
        return all.build();
    }

    /** The {@code object} terms any of which satisfies the concept, e.g. car:white:* for "white car". */
    static List<String> objectTerms(ObjectConcept object) {
        List<String> labels = object.labels().isEmpty() ? List.of(ANY) : List.copyOf(object.labels());
        String colour = object.colour() == null ? ANY : object.colour();
        List<String> motions = object.motions().isEmpty() ? List.of(ANY) : List.copyOf(object.motions());
        List<String> terms = new ArrayList<>();
        for (String label : labels) for (String motion : motions) terms.add(objectTerm(label, colour, motion));
        return terms;
    }

    private static Query anyOf(String field, Collection<String> values) {
        if (values.size() == 1) return new TermQuery(new Term(field, values.iterator().next()));
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) norm += v * v;
        norm = Math.sqrt(norm);
        float[] out = new float[vector.length];
        if (norm == 0) {
            // a zero vector has no direction; any fixed unit vector keeps DOT_PRODUCT valid
            out[0] = 1;
            return out;
        }
        for (int i = 0; i < vector.length; i++) out[i] = (float) (vector[i] / norm);
        return out;
    }

    private interface SearcherCall<T> {
        T call(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherCall<T> call) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return call.call(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing segment index failed", e);
        } finally {
            closeQuietly(directory);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing; the first error is the one to report
        }
    }
}
