package io.sightline.cli;

import io.sightline.api.Scope;
import io.sightline.api.VideoStatus;
import io.sightline.sdk.ApiException;
import io.sightline.sdk.AuthenticationException;
import io.sightline.sdk.ConnectionException;
import io.sightline.sdk.Sightline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The {@code sightline} command. {@link #run} is the whole program without {@code System.exit},
 * so tests can call it in-process against a real server.
 *
 * <p>Exit codes: 0 success, 1 the server or the connection failed, 2 the command was used wrongly.
 */
public final class SightlineCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private SightlineCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), stderrIsTerminal()));
    }

    /** Runs one command with output to {@code out} and {@code err}, reading only {@code env}; never a terminal. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
        try (CliContext context = new CliContext(out, err, env, interactive)) {
            CommandLine cli = commandLine(context);
            int code = cli.execute(args);
            out.flush();
            err.flush();
            return code;
        }
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new Root(context))
                .addSubcommand(new UploadCommand(context))
                .addSubcommand(new VideosCommand(context))
                .addSubcommand(new StatusCommand(context))
                .addSubcommand(new SegmentsCommand(context))
                .addSubcommand(new SearchCommand(context))
                .addSubcommand(new FoldersCommand(context))
                .addSubcommand(new CollectionsCommand(context));
        cli.registerConverter(Scope.class, value -> convert(value, Scope::parse));
        cli.registerConverter(VideoStatus.class, value -> convert(value, VideoStatus::parse));
        cli.registerConverter(Duration.class, value -> convert(value, Formats::parseDuration));
        cli.setUsageHelpWidth(100);
        cli.setOut(new PrintWriter(context.out, true));
        cli.setErr(new PrintWriter(context.err, true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> report(e, context));
        return cli;
    }

    /** Lets a parse error say only what was wrong with the value. */
    private static <T> T convert(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The one place a failure becomes a message on stderr and an exit code. */
    static int report(Exception e, CliContext context) {
        context.err.println(describe(e, context));
        return e instanceof UsageException ? USAGE : FAILED;
    }

    static String describe(Exception e, CliContext context) {
        return switch (e) {
            case UsageException usage -> "sightline: " + usage.getMessage();
            case AuthenticationException auth -> "error: " + apiError(auth)
                    + "\nCheck the key in SIGHTLINE_API_KEY or --api-key; the admin key is in DATA_DIR/admin.key.";
            case ApiException api -> "error: " + apiError(api);
            case ConnectionException connection -> "error: cannot reach the Sightline server at " + context.url() + ": "
                    + connection.getMessage() + "\nIs it running? Start it with `sightline serve`, or point --url / SIGHTLINE_URL at it.";
            default -> "error: " + (e.getMessage() != null ? e.getMessage() : e.toString());
        };
    }

    /** {@code video vid_1 not found (404 not_found, request id req_abc)} */
    static String apiError(ApiException e) {
        return e.error().message() + " (" + e.status() + " " + e.code()
                + e.requestId().map(id -> ", request id " + id).orElse("") + ")";
    }

    /** JDK 22+ always has a console object; only {@code isTerminal} says whether it is a real one. */
    private static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    @Command(name = "sightline", mixinStandardHelpOptions = true, version = "sightline " + Sightline.VERSION,
            description = "Upload videos to a Sightline server and follow their processing.",
            footer = {"", "The server itself starts with `sightline serve`; models are managed with `sightline models`."})
    static final class Root implements Callable<Integer> {
        private final CliContext context;
        @Spec
        CommandSpec spec;

        Root(CliContext context) {
            this.context = context;
        }

        @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
                description = "API key (default: $SIGHTLINE_API_KEY)")
        void apiKey(String key) {
            context.apiKeyOption = key;
        }

        @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
                description = "server URL (default: $SIGHTLINE_URL or " + Sightline.DEFAULT_URL + ")")
        void url(String url) {
            context.urlOption = url;
        }

        @Override
        public Integer call() {
            spec.commandLine().usage(context.err);
            return USAGE;
        }
    }
}
