package io.sightline.bench.ocr;

import io.sightline.vision.embed.TextEmbedder;
import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.ocr.OcrEngine;
import io.sightline.vision.ocr.TextLine;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Milliseconds per call of OCR (whole frame and an overlay band, 720p and 1080p rendered dashcam
 * frames) and of the text embedder (one sentence, a batch of 32), after warm-up.
 *
 * <p>Run: {@code java -cp "sightline-bench/target/classes:sightline-bench/target/lib/*" io.sightline.bench.ocr.OcrBenchmark}
 */
public final class OcrBenchmark {
    private static final int RUNS = 10;

    public static void main(String[] args) {
        ModelStore store = ModelStore.fromEnvironment(ModelStore.defaultDirectory());
        System.out.println("| operation | p50 ms | mean ms | result |");
        System.out.println("|---|---|---|---|");
        try (OcrEngine ocr = OcrEngine.create(store)) {
            long load = System.nanoTime();
            ocr.warmUp();
            System.out.printf(Locale.ROOT, "| OCR load + warm-up | %.0f | | |%n", (System.nanoTime() - load) / 1e6);
            for (int height : new int[] {720, 1080}) {
                RgbImage frame = dashcamFrame(height * 16 / 9, height);
                time("OCR whole frame " + height + "p", () -> ocr.read(frame));
                Box band = new Box(0, 0.82, 1, 1);
                time("OCR overlay band " + height + "p", () -> ocr.read(frame, band));
            }
        }
        try (TextEmbedder embedder = TextEmbedder.create(store)) {
            long load = System.nanoTime();
            embedder.warmUp();
            System.out.printf(Locale.ROOT, "| embedder load + warm-up | %.0f | | |%n", (System.nanoTime() - load) / 1e6);
            String caption = "Daytime city street. Camera car stopped. Scooter crossing left to right close ahead. Overlay: 2015/09/18 07:53:29.";
            time("embed one caption", () -> List.of(embedder.embed(caption).length));
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 32; i++) batch.add(caption + " Segment " + i + ".");
            time("embed batch of 32 captions", () -> List.of(embedder.embed(batch).size()));
        }
        long rss = Runtime.getRuntime().totalMemory() / 1_000_000;
        System.out.printf(Locale.ROOT, "JVM heap committed at the end: %d MB (native ONNX Runtime memory not included)%n", rss);
    }

    private static void time(String name, Supplier<List<?>> call) {
        double[] ms = new double[RUNS];
        List<?> result = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        String shown = result.stream().map(r -> r instanceof TextLine t ? t.text() : String.valueOf(r)).toList().toString();
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %s |%n", name, ms[RUNS / 2], mean, shown);
    }

    /** A road-like background, a two-line overlay at the bottom left and a sign. */
    private static RgbImage dashcamFrame(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random random = new Random(7);
        g.setColor(new Color(70, 80, 95));
        g.fillRect(0, 0, width, height / 2);
        g.setColor(new Color(45, 45, 48));
        g.fillRect(0, height / 2, width, height);
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(30 + random.nextInt(90), 30 + random.nextInt(90), 30 + random.nextInt(90)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(200), 10 + random.nextInt(100));
        }
        int size = height / 30;
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, size));
        g.setColor(Color.WHITE);
        g.drawString("2024/05/12 14:33:07", size, height - 3 * size);
        g.drawString("N37.7749 W122.4194 54 km/h", size, height - size);
        g.setColor(new Color(20, 110, 40));
        g.fillRect(width / 2, height / 4, size * 12, size * 2);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.drawString("EXIT 25 Main St", width / 2 + size / 2, height / 4 + size * 3 / 2);
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] px = new byte[width * height * 3];
        for (int i = 0; i < argb.length; i++) {
            px[i * 3] = (byte) (argb[i] >> 16);
            px[i * 3 + 1] = (byte) (argb[i] >> 8);
            px[i * 3 + 2] = (byte) argb[i];
        }
        return new RgbImage(width, height, px);
    }
}
