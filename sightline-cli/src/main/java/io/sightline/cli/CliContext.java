package io.sightline.cli;

import io.sightline.sdk.Sightline;

import java.io.PrintStream;
import java.util.Map;

/** What every command shares: the streams, the environment, and the client built from the global options. */
final class CliContext implements AutoCloseable {
    static final String MISSING_KEY = """
            no API key: set SIGHTLINE_API_KEY or pass --api-key.
            The admin key is in DATA_DIR/admin.key (DATA_DIR is the server's --data directory, ./data by default):
              export SIGHTLINE_API_KEY=$(cat data/admin.key)""";

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    /** Whether stderr is a terminal that can redraw a line in place. */
    final boolean interactive;
    String apiKeyOption;
    String urlOption;
    private Sightline client;

    CliContext(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.interactive = interactive;
    }

    /** The client, built on first use so that {@code --help} and usage errors need no key. */
    Sightline client() {
        if (client == null) {
            String key = firstNonBlank(apiKeyOption, env.get("SIGHTLINE_API_KEY"));
            if (key == null) throw new UsageException(MISSING_KEY);
            try {
                client = Sightline.builder().apiKey(key).baseUrl(url()).userAgent("sightline-cli/" + Sightline.VERSION).build();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return client;
    }

    String url() {
        String url = firstNonBlank(urlOption, env.get("SIGHTLINE_URL"));
        return url != null ? url : Sightline.DEFAULT_URL;
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) return value.strip();
        }
        return null;
    }
}
