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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a TF.js model once and keeps the result next to it, named after the SHA-256 of the
 * source files and the conversion (format and converter version), so a changed model or
 * converter never reuses a stale result. A read-only model folder only costs a conversion per
 * process.
 */
public final class ConvertedModelCache {
    private static final Logger log = LoggerFactory.getLogger(ConvertedModelCache.class);

    /**
     * A way of converting a TF.js model.
     *
     * @param name    names the cached file's kind, with the converter version, e.g. {@code onnx1}
     * @param suffix  the cached file's extension, e.g. {@code .onnx}
     * @param convert the TF.js model JSON → the converted model's bytes
     */
    public record Conversion(String name, String suffix, Function<Path, byte[]> convert) {}

    /** What loading cost and where the converted model came from. */
    public record Loaded(byte[] model, boolean fromCache, long millis, Path cacheFile) {}

    private ConvertedModelCache() {}

    public static Loaded load(Path modelJson, Conversion conversion) {
        long start = System.nanoTime();
        Path cacheFile = cacheFileFor(modelJson, conversion);
        try {
            if (Files.isRegularFile(cacheFile)) {
                return new Loaded(Files.readAllBytes(cacheFile), true, elapsedMillis(start), cacheFile);
            }
            byte[] model = conversion.convert().apply(modelJson);
            store(model, cacheFile);
            return new Loaded(model, false, elapsedMillis(start), cacheFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load converted model " + cacheFile, e);
        }
    }

    /** {@code centernet.json} → e.g. {@code centernet.onnx1-<first 16 hex of sha256>.onnx} in the same folder. */
    public static Path cacheFileFor(Path modelJson, Conversion conversion) {
        String stem = modelJson.getFileName().toString().replaceFirst("\\.json$", "");
        String key = sourceSha256(modelJson).substring(0, 16);
        return modelJson.resolveSibling(stem + "." + conversion.name() + "-" + key + conversion.suffix());
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

    private static void store(byte[] model, Path cacheFile) {
        try {
            Path temp = Files.createTempFile(cacheFile.getParent(), cacheFile.getFileName().toString(), ".part");
            Files.write(temp, model);
            try {
                Files.move(temp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("could not cache the converted model at {} ({}); it will be converted again next time", cacheFile, e.toString());
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
