package io.sightline.vision.model;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code models list} and {@code models fetch NAME...|--all} over the default store
 * ({@code $SIGHTLINE_MODELS_DIR} or {@code ~/.cache/sightline/models}), for the CLI to delegate to
 * and for CI to warm its cache: {@code java -cp ... io.sightline.vision.model.ModelsCommand fetch --all}.
 */
public final class ModelsCommand {
    private ModelsCommand() {}

    public static void main(String[] args) {
        System.exit(run(ModelStore.create(ModelStore.defaultDirectory()), List.of(args), System.out, System.err));
    }

    /** Runs one command; returns the process exit code. */
    public static int run(ModelStore store, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().equals("list")) {
            out.printf(Locale.ROOT, "%-22s %-8s %-8s %10s  %s%n", "NAME", "VERSION", "CACHED", "MB", "SOURCE");
            for (ModelStatus s : store.list()) {
                out.printf(Locale.ROOT, "%-22s %-8s %-8s %10.1f  %s%n", s.name(), s.version(), s.cached() ? "yes" : "no", s.bytes() / 1e6, s.source());
            }
            out.println("cache: " + store.directory());
            return 0;
        }
        if (!args.getFirst().equals("fetch") || args.size() < 2) {
            err.println("usage: models list | models fetch NAME... | models fetch --all");
            return 2;
        }
        List<String> names = args.get(1).equals("--all") ? store.list().stream().map(ModelStatus::name).toList() : args.subList(1, args.size());
        try {
            for (String name : names) out.println(name + ": " + store.fetch(name));
            return 0;
        } catch (ModelException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
