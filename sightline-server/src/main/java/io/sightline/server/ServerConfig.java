package io.sightline.server;

import io.sightline.server.pipeline.Pipeline;
import java.nio.file.Path;

/**
 * Everything the server is configured with, validated once at start.
 *
 * @param host           interface to bind; loopback by default so a first start exposes nothing
 * @param port           0 picks a free port (tests)
 * @param maxUploadBytes the largest video accepted by upload or import
 * @param perception     whether videos are perceived and indexed after the media steps
 */
public record ServerConfig(Path dataDir, String host, int port, long maxUploadBytes, Pipeline.Settings pipeline, boolean perception) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD = 20L * 1024 * 1024 * 1024;

    public ServerConfig {
        if (dataDir == null) throw new IllegalArgumentException("a data directory is required");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535, not " + port);
        if (maxUploadBytes <= 0) throw new IllegalArgumentException("maxUploadBytes must be positive");
    }

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, "127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_UPLOAD, Pipeline.Settings.defaults(), true);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(dataDir, host, port, maxUploadBytes, pipeline, perception);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(dataDir, host, port, maxUploadBytes, pipeline, perception);
    }

    public ServerConfig withDataDir(Path dataDir) {
        return new ServerConfig(dataDir, host, port, maxUploadBytes, pipeline, perception);
    }

    public ServerConfig withPerception(boolean perception) {
        return new ServerConfig(dataDir, host, port, maxUploadBytes, pipeline, perception);
    }

    public ServerConfig withPipeline(Pipeline.Settings pipeline) {
        return new ServerConfig(dataDir, host, port, maxUploadBytes, pipeline, perception);
    }
}
