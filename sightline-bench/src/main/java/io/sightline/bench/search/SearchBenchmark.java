package io.sightline.bench.search;

import io.sightline.engine.index.BgeEmbedder;
import io.sightline.engine.index.Embedder;
import io.sightline.engine.index.SearchQuery;
import io.sightline.engine.index.SearchResult;
import io.sightline.engine.index.SegmentIndex;
import io.sightline.vision.embed.TextEmbedder;
import io.sightline.vision.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Hybrid search over many synthetic segments: build time, index size and search latency.
 *
 * <pre>
 * java -Xmx6g -cp ... io.sightline.bench.search.SearchBenchmark [--segments 1000000] [--dir target/search-index]
 *      [--searches 2000] [--threads 2] [--keep]
 * </pre>
 *
 * Document vectors come from {@link SentenceSumEmbedder} (real bge per distinct sentence, summed);
 * queries are embedded by the real bge model with its query instruction. Latency is measured with
 * each query's embedding cached after its first use, so it is the index's time; the bge query
 * embedding time is reported on its own line.
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of(
            "white car approaching", "scooter crossing left to right", "lorry cutting in at night", "pedestrian crossing",
            "red car overtaking on the left", "bus moving away", "cyclist", "truck stopped", "black suv cutting in",
            "people crossing the street at night", "camera car stopped and a person crossing", "turning left",
            "braking hard", "lane change to the right", "dog", "yellow bus approaching", "motorbike overtaking on the right",
            "54 km/h", "2019/06/12", "STOP sign", "fixed camera person", "tunnel", "glare", "dusk", "blue truck receding",
            "grey car stationary", "car approaching close ahead", "traffic light", "raining", "traffic light turns red",
            "near miss with a pedestrian", "police car", "white van", "green car", "bicycle crossing right to left",
            "two people stationary on the right", "car close ahead time to contact", "EXIT", "Main St", "Daytime moving");

    private record Options(int segments, Path dir, int searches, int threads, boolean keep) {
        static Options parse(String[] args) {
            Map<String, String> values = new ConcurrentHashMap<>();
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--keep")) keep = true;
                else if (args[i].startsWith("--") && i + 1 < args.length) values.put(args[i].substring(2), args[++i]);
                else throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            return new Options(Integer.parseInt(values.getOrDefault("segments", "1000000")),
                    Path.of(values.getOrDefault("dir", "target/search-index")),
                    Integer.parseInt(values.getOrDefault("searches", "2000")),
                    Integer.parseInt(values.getOrDefault("threads", "2")), keep);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        deleteRecursively(options.dir());
        try (TextEmbedder bge = TextEmbedder.create(ModelStore.create(ModelStore.defaultDirectory()))) {
            bge.warmUp();
            var model = new BgeEmbedder(bge);
            var documents = new SentenceSumEmbedder(model);
            var queries = new CachingQueries(model);

            int videos = (options.segments() + SyntheticSegments.SEGMENTS_PER_VIDEO - 1) / SyntheticSegments.SEGMENTS_PER_VIDEO;
            long buildStart = System.nanoTime();
            try (SegmentIndex index = SegmentIndex.open(options.dir(), new SplitEmbedder(documents, queries),
                    new SegmentIndex.Settings(512))) {
                build(index, videos, options.threads());
                double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
                long bytes = sizeOf(options.dir());
                int indexed = 0;
                for (int org = 0; org < SyntheticSegments.ORGS; org++) indexed += index.count("org-" + org);

                List<Long> latencies = search(index, options.searches(), queries);
                SearchResult sample = index.search(SearchQuery.inOrg("org-3").text("lorry cutting in at night").limit(3).build());
                SearchResult unsupported = index.search(SearchQuery.inOrg("org-3").text("traffic light turns red").limit(3).build());

                Runtime rt = Runtime.getRuntime();
                System.out.println();
                System.out.println("| measure | value |");
                System.out.println("|---|---|");
                row("segments indexed", String.format(Locale.ROOT, "%,d (%d videos, %d orgs)", indexed, videos, SyntheticSegments.ORGS));
                row("build time (generate + caption + embed + index + commit)", String.format(Locale.ROOT, "%.1f s (%,.0f segments/s, %d threads)",
                        buildSeconds, indexed / buildSeconds, options.threads()));
                row("distinct caption sentences embedded with bge", String.format(Locale.ROOT, "%,d (%.1f s of model time)",
                        documents.distinctSentences(), documents.modelSeconds()));
                row("index size on disk", String.format(Locale.ROOT, "%,.0f MiB (%.0f bytes/segment)", bytes / 1048576.0, (double) bytes / indexed));
                row("hybrid search latency p50 / p90 / p99 / max", String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f ms (%d searches, 1 thread, top 20)",
                        percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), percentile(latencies, 100), latencies.size()));
                row("bge query embedding p50 (not included above)", String.format(Locale.ROOT, "%.1f ms", queries.medianEmbedMillis()));
                row("heap used after searches", String.format(Locale.ROOT, "%,d MiB of max %,d MiB",
                        (rt.totalMemory() - rt.freeMemory()) / 1048576, rt.maxMemory() / 1048576));
                System.out.println();
                System.out.println("sample 'lorry cutting in at night' (org-3):");
                sample.hits().forEach(h -> System.out.printf(Locale.ROOT, "  %.4f %s %s#%d %s%n", h.score(), h.matchedBy(), h.videoId(), h.segmentIndex(), h.caption()));
                System.out.println("'traffic light turns red' unsupported: " + unsupported.unsupported() + ", hits " + unsupported.hits().size());
            }
        } finally {
            if (!options.keep()) deleteRecursively(options.dir());
        }
    }

    private static void build(SegmentIndex index, int videos, int threads) throws Exception {
        var generator = new SyntheticSegments();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try (SegmentIndex.BulkLoad load = index.bulkLoad()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int v = next.getAndIncrement(); v < videos; v = next.getAndIncrement()) {
                        load.add(generator.video(v));
                        if (v % 100 == 99) {
                            System.err.printf(Locale.ROOT, "%,d segments in %.0f s%n", (long) (v + 1) * SyntheticSegments.SEGMENTS_PER_VIDEO,
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) w.get();
        } finally {
            pool.shutdown();
        }
    }

    private static List<Long> search(SegmentIndex index, int searches, CachingQueries queries) {
        SplittableRandom random = new SplittableRandom(42);
        for (String q : QUERIES) index.search(SearchQuery.inOrg("org-0").text(q).build()); // warm-up, embeds every query once
        for (int i = 0; i < 200; i++) index.search(query(random));
        List<Long> nanos = new ArrayList<>(searches);
        for (int i = 0; i < searches; i++) {
            SearchQuery q = query(random);
            long start = System.nanoTime();
            index.search(q);
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    /** A random query text in a random org; a fifth restricted to a folder, a tenth to one video. */
    private static SearchQuery query(SplittableRandom random) {
        int org = random.nextInt(SyntheticSegments.ORGS);
        var builder = SearchQuery.inOrg("org-" + org).text(QUERIES.get(random.nextInt(QUERIES.size())));
        int kind = random.nextInt(10);
        if (kind < 2) builder.folderId("org-" + org + "-folder-" + random.nextInt(SyntheticSegments.FOLDERS_PER_ORG));
        else if (kind == 2) builder.videoId("vid-" + (org + SyntheticSegments.ORGS * random.nextInt(5)));
        return builder.build();
    }

    private static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void row(String measure, String value) {
        System.out.println("| " + measure + " | " + value + " |");
    }

    /** Documents through the stand-in, queries through the real model (cached, timed). */
    private record SplitEmbedder(Embedder documents, CachingQueries queries) implements Embedder {
        @Override public int dimension() { return documents.dimension(); }
        @Override public double minSimilarity() { return documents.minSimilarity(); }
        @Override public float[] embed(String text) { return documents.embed(text); }
        @Override public float[] embedQuery(String query) { return queries.embed(query); }
    }

    private static final class CachingQueries {
        private final Embedder model;
        private final Map<String, float[]> cache = new ConcurrentHashMap<>();
        private final List<Long> embedNanos = new ArrayList<>();

        CachingQueries(Embedder model) {
            this.model = model;
        }

        float[] embed(String query) {
            return cache.computeIfAbsent(query, q -> {
                long start = System.nanoTime();
                float[] v = model.embedQuery(q);
                synchronized (embedNanos) {
                    embedNanos.add(System.nanoTime() - start);
                }
                return v;
            });
        }

        double medianEmbedMillis() {
            synchronized (embedNanos) {
                return percentile(embedNanos, 50);
            }
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private SearchBenchmark() {}
}
