package io.sightline.detector.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.proto.GraphDef;

/**
 * Converts a TF.js model once and keeps the resulting GraphDef next to it, named after the SHA-256
 * of the source files and the converter version, so a changed model or converter never reuses a
 * stale graph. A read-only model folder only costs a conversion per process.
 */
public final class ConvertedGraphCache {
    private static final Logger log = LoggerFactory.getLogger(ConvertedGraphCache.class);

    /** What loading cost and where the graph came from. */
    public record Loaded(GraphDef graph, boolean fromCache, long millis, Path cacheFile) {}

    private ConvertedGraphCache() {}

    public static Loaded load(Path modelJson) {
        long start = System.nanoTime();
        Path cacheFile = cacheFileFor(modelJson);
        try {
            if (Files.isRegularFile(cacheFile)) {
                GraphDef graph = GraphDef.parseFrom(Files.readAllBytes(cacheFile));
                return new Loaded(graph, true, elapsedMillis(start), cacheFile);
            }
            GraphDef graph = TfjsGraphConverter.convert(modelJson);
            store(graph, cacheFile);
            return new Loaded(graph, false, elapsedMillis(start), cacheFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load converted graph " + cacheFile, e);
        }
    }

    /** {@code centernet.json} → {@code centernet.tf1-<first 16 hex of sha256>.pb} in the same folder. */
    public static Path cacheFileFor(Path modelJson) {
        String stem = modelJson.getFileName().toString().replaceFirst("\\.json$", "");
        String key = sourceSha256(modelJson).substring(0, 16);
        return modelJson.resolveSibling(stem + ".tf" + TfjsGraphConverter.VERSION + "-" + key + ".pb");
    }

    /** Hash of the graph JSON followed by every weight shard it names, in manifest order. */
    static String sourceSha256(Path modelJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(sha, modelJson);
            JsonNode manifest = new ObjectMapper().readTree(modelJson.toFile()).path("weightsManifest");
            for (JsonNode group : manifest) {
                for (JsonNode path : group.path("paths")) digest(sha, modelJson.resolveSibling(path.asText()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + modelJson, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest sha, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void store(GraphDef graph, Path cacheFile) {
        try {
            Path temp = Files.createTempFile(cacheFile.getParent(), cacheFile.getFileName().toString(), ".part");
            Files.write(temp, graph.toByteArray());
            try {
                Files.move(temp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("could not cache the converted graph at {} ({}); it will be converted again next time", cacheFile, e.toString());
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
