package io.sightline.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Versioned schema migrations: {@code migrations/<dialect>/V<n>__<what>.sql} on the classpath,
 * applied in order, each once, recorded in {@code schema_version}.
 */
public final class Migrations {

    /** Every migration, oldest first. Append; never edit one that has shipped. */
    static final List<String> ALL = List.of("V1__init.sql");

    private Migrations() {}

    public static void apply(Jdbc jdbc, String dialect) {
        jdbc.update("create table if not exists schema_version (version integer primary key, script text not null, applied_at integer not null)");
        long applied = jdbc.queryLong("select coalesce(max(version), 0) from schema_version");
        for (int i = 0; i < ALL.size(); i++) {
            int version = i + 1;
            if (version <= applied) continue;
            String script = ALL.get(i);
            String sql = read("migrations/" + dialect + "/" + script);
            jdbc.inTransaction(() -> {
                for (String statement : statements(sql)) jdbc.update(statement);
                jdbc.update("insert into schema_version(version, script, applied_at) values (?, ?, ?)", version, script, Instant.now());
            });
        }
    }

    /** Splits a script on semicolons at line ends, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) clean.append(line).append('\n');
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) throw new StoreException("missing migration " + resource, null);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + resource, e);
        }
    }
}
