package io.sightline.bench.upload;

import io.sightline.api.Video;
import io.sightline.sdk.Sightline;
import io.sightline.sdk.UploadParams;
import io.sightline.server.ServerConfig;
import io.sightline.server.SightlineServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Upload throughput over loopback through the SDK, as a ratio to writing the same bytes with
 * {@code dd} to the same disk, and the heap in use while it runs (sampled every 20 ms; server and
 * client share this JVM, so it bounds the server's from above). Runs a small and a large file to
 * show whether memory grows with file size.
 *
 * <p>Usage: {@code UploadBenchmark [sizeMiB ...]} (default 256 1024), {@code -Druns=3}.
 * The file is not a video, so the server rejects it after storing it: the time measured is
 * the streamed upload up to the probe, which is what this benchmark is about.
 */
public final class UploadBenchmark {

    private UploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(256, 1024) : Stream.of(args).map(Integer::parseInt).toList();
        int runs = Integer.getInteger("runs", 3);
        Path work = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))), "upload-bench");
        System.out.printf("%-8s %-10s %-10s %-10s %-8s %-14s %-14s%n", "MiB", "mode", "sdk MB/s", "dd MB/s", "ratio", "peak heap MiB", "base heap MiB");
        try (SightlineServer server = SightlineServer.start(ServerConfig.defaults(work.resolve("data")).withPort(0));
             Sightline client = Sightline.builder().apiKey(Files.readString(server.adminKeyFile()).strip())
                     .baseUrl("http://127.0.0.1:" + server.port()).build()) {
            for (int mib : sizes) {
                Path file = work.resolve(mib + "MiB.bin");
                writeRandom(file, mib);
                for (String mode : List.of("direct", "multipart")) {
                List<Double> sdk = new ArrayList<>();
                List<Double> dd = new ArrayList<>();
                long peak = 0;
                long base = 0;
                for (int run = 0; run < runs; run++) {
                    System.gc();
                    base = usedHeap();
                    HeapSampler sampler = new HeapSampler();
                    long start = System.nanoTime();
                    try {
                        client.uploads().upload(UploadParams.builder(file).name("bench.mp4")
                                .multipartThreshold(mode.equals("direct") ? Long.MAX_VALUE : 1).build());
                    } catch (RuntimeException expected) {
                        // Random bytes are not a video: rejected after the upload completed.
                    }
                    sdk.add(mbPerSecond(Files.size(file), System.nanoTime() - start));
                    peak = Math.max(peak, sampler.stop());
                    dd.add(ddMbPerSecond(file.resolveSibling("dd.bin"), mib));
                }
                double sdkMedian = median(sdk);
                double ddMedian = median(dd);
                System.out.printf("%-8d %-10s %-10.1f %-10.1f %-8.2f %-14d %-14d%n", mib, mode, sdkMedian, ddMedian,
                        sdkMedian / ddMedian, peak >> 20, base >> 20);
                }
                Files.delete(file);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ddMbPerSecond(Path target, int mib) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + target, "bs=1M", "count=" + mib, "conv=fsync")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (dd.waitFor() != 0) throw new IOException("dd failed");
        double rate = mbPerSecond((long) mib << 20, System.nanoTime() - start);
        Files.deleteIfExists(target);
        return rate;
    }

    private static void writeRandom(Path file, int mib) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples heap use in the background and reports the maximum seen. */
    private static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            timer.scheduleAtFixedRate(() -> max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
        }

        long stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.SECONDS);
            return max.get();
        }
    }
}
