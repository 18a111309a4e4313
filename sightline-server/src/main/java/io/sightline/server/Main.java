package io.sightline.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code sightline serve [--port 8080] [--host 127.0.0.1] [--data DIR]}. */
public final class Main {

    private static final String USAGE = """
            usage: sightline serve [--port PORT] [--host HOST] [--data DIR] [--perception on|off]
                   sightline models list | models fetch NAME... | models fetch --all
              --port  HTTP port (default 8080; 0 picks a free one)
              --host  interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
              --data  data directory (default ./data): database, videos, keys
              --perception on|off  perceive and index videos after the media steps (default on)
            """;

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("models")) {
            System.exit(io.sightline.vision.model.ModelsCommand.run(
                    io.sightline.vision.model.ModelStore.create(io.sightline.vision.model.ModelStore.defaultDirectory()),
                    Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length == 0 || !args[0].equals("serve")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        ServerConfig config;
        try {
            config = parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("sightline serve: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config.perception()) fetchModels();
        SightlineServer server = SightlineServer.start(config);
        String url = "http://" + (config.host().equals("0.0.0.0") ? "localhost" : config.host()) + ":" + server.port();
        System.out.println("Sightline is running at " + url + "  (API under " + url + "/v1, web UI at " + url + "/)");
        System.out.println(server.adminCreated()
                ? "First start: the admin API key was written to " + server.adminKeyFile() + " (readable only by you)."
                : "The admin API key is in " + server.adminKeyFile());
        System.out.println("Use it with: export SIGHTLINE_API_KEY=$(cat " + server.adminKeyFile() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sightline-shutdown"));
        stopped.await();
    }

    /** Fetches (once) and verifies the models perception needs, so the first video does not wait for them. */
    private static void fetchModels() {
        var store = io.sightline.vision.model.ModelStore.create(io.sightline.vision.model.ModelStore.defaultDirectory());
        for (String model : io.sightline.server.perception.PerceptionModels.REQUIRED) {
            if (!store.isCached(model)) System.out.println("Fetching model " + model + " (first start only) ...");
            try {
                store.fetch(model);
            } catch (io.sightline.vision.model.ModelException e) {
                System.err.println("warning: " + e.getMessage() + " -- perception will fail until it is fetched");
            }
        }
    }

    static ServerConfig parse(String[] args) {
        ServerConfig config = ServerConfig.defaults(Path.of("data"));
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value");
            String value = args[++i];
            switch (flag) {
                case "--port" -> {
                    try {
                        config = config.withPort(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number, not '" + value + "'");
                    }
                }
                case "--host" -> config = config.withHost(value);
                case "--data" -> config = config.withDataDir(Path.of(value));
                case "--perception" -> config = config.withPerception(switch (value) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--perception must be on or off, not '" + value + "'");
                });
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return config;
    }
}
