package io.sightline.server.testing;

import io.sightline.api.CreatedUser;
import io.sightline.api.Role;
import io.sightline.sdk.Sightline;
import io.sightline.server.ServerConfig;
import io.sightline.server.SightlineServer;
import io.sightline.server.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Sightline server on a free loopback port with its own data directory, for tests.
 * {@link #restart()} stops and starts it on the same data, as after a crash or an upgrade.
 */
public final class TestServer implements AutoCloseable {

    private final Path dataDir;
    private final boolean ownsDataDir;
    private SightlineServer server;
    private Sightline sdk;

    private final boolean perception;

    private TestServer(Path dataDir, boolean ownsDataDir, boolean perception) throws IOException {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.perception = perception;
        this.server = SightlineServer.start(config(dataDir).withPerception(perception));
    }

    public static TestServer start() {
        return start(true);
    }

    /** A server that stops after the media steps: no models, no index. */
    public static TestServer startWithoutPerception() {
        return start(false);
    }

    private static TestServer start(boolean perception) {
        try {
            return new TestServer(Files.createTempDirectory("sightline-test-"), true, perception);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on an existing data directory, which the caller cleans up. */
    public static TestServer startOn(Path dataDir) {
        try {
            return new TestServer(dataDir, false, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Test tuning: quick polling and retries, so nothing waits for production-sized delays. */
    public static ServerConfig config(Path dataDir) {
        return ServerConfig.defaults(dataDir).withPort(0)
                .withPipeline(new Pipeline.Settings(2, Duration.ofMillis(200), Duration.ofMillis(300), true));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public SightlineServer server() {
        return server;
    }

    public String adminKey() {
        try {
            return Files.readString(dataDir.resolve(SightlineServer.ADMIN_KEY_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SDK client of the admin. */
    public Sightline sdk() {
        if (sdk == null) sdk = client(adminKey());
        return sdk;
    }

    public Sightline client(String apiKey) {
        return Sightline.builder().apiKey(apiKey).baseUrl(baseUrl()).build();
    }

    /** A new member of the admin's organisation, with a client of their own. */
    public Sightline newMember(String name) {
        CreatedUser user = sdk().users().create(new io.sightline.api.CreateUserRequest(name, null, Role.MEMBER));
        return client(user.apiKey());
    }

    public void restart() {
        int port = server.port();
        server.close();
        try {
            server = SightlineServer.start(config(dataDir).withPort(port).withPerception(perception));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (ownsDataDir) deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
