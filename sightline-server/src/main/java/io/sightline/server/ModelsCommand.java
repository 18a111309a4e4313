package io.sightline.server;

import io.sightline.vision.model.ModelException;
import io.sightline.vision.model.ModelStatus;
import io.sightline.vision.model.ModelStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code sightline models list} and {@code sightline models fetch [NAME ...]}: the model store from the command line. */
final class ModelsCommand {

    static final String USAGE = """
            usage: sightline models list            what models Sightline uses and whether they are here
                   sightline models fetch [NAME...] fetch and verify models (all of them without names)
            models live in $SIGHTLINE_MODELS_DIR, else ~/.cache/sightline/models
            """;

    private ModelsCommand() {}

    static int run(List<String> args, ModelStore store, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        switch (args.get(0)) {
            case "list" -> {
                out.printf("%-22s %-10s %-8s %10s  %s%n", "NAME", "VERSION", "CACHED", "SIZE", "SOURCE");
                for (ModelStatus model : store.list()) {
                    out.printf("%-22s %-10s %-8s %10s  %s%n", model.name(), model.version(), model.cached() ? "yes" : "no",
                            String.format(Locale.ROOT, "%.1f MB", model.bytes() / 1e6), model.source());
                }
                out.println("directory: " + store.directory());
                return 0;
            }
            case "fetch" -> {
                List<String> names = args.size() > 1 ? args.subList(1, args.size()) : store.list().stream().map(ModelStatus::name).toList();
                int failures = 0;
                for (String name : names) {
                    try {
                        out.println("fetching " + name + " ...");
                        out.println("  ok: " + store.fetch(name));
                    } catch (ModelException e) {
                        err.println("  failed: " + e.getMessage());
                        failures++;
                    }
                }
                return failures == 0 ? 0 : 1;
            }
            default -> {
                err.print(USAGE);
                return 2;
            }
        }
    }
}
