package io.sightline.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ffmpeg and ffprobe executables are, and the environment they need. Each is looked up
 * on its own, in this order: {@code SIGHTLINE_FFMPEG} / {@code SIGHTLINE_FFPROBE}; the executables
 * inside the bytedeco {@code ffmpeg} jar (a Maven dependency, so a fresh machine needs no system
 * package); the PATH.
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    private static volatile FfmpegBinaries located;

    /** The binaries of this machine, found once per process. */
    public static FfmpegBinaries locate() {
        FfmpegBinaries found = located;
        if (found == null) {
            synchronized (FfmpegBinaries.class) {
                if (located == null) located = find(System.getenv());
                found = located;
            }
        }
        return found;
    }

    static FfmpegBinaries find(Map<String, String> env) {
        Optional<Path> ffmpeg = fromEnvironment(env, "SIGHTLINE_FFMPEG");
        Optional<Path> ffprobe = fromEnvironment(env, "SIGHTLINE_FFPROBE");
        String bundledFailure = null;
        if (ffmpeg.isEmpty() || ffprobe.isEmpty()) {
            try {
                Path bundled = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
                Path bundledProbe = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
                // The executables find their libraries through RUNPATH $ORIGIN; the variable is a
                // second line of defence for builds without it.
                Map<String, String> libraries = Map.of("LD_LIBRARY_PATH", bundled.getParent().toString());
                return new FfmpegBinaries(ffmpeg.orElse(bundled), ffprobe.orElse(bundledProbe), libraries);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                bundledFailure = rootCause(e);
            }
        }
        ffmpeg = ffmpeg.or(() -> onPath(env, "ffmpeg"));
        ffprobe = ffprobe.or(() -> onPath(env, "ffprobe"));
        if (ffmpeg.isPresent() && ffprobe.isPresent()) return new FfmpegBinaries(ffmpeg.get(), ffprobe.get(), Map.of());
        throw new MediaException("no " + (ffmpeg.isEmpty() ? "ffmpeg" : "ffprobe") + " found: the one bundled in the bytedeco ffmpeg jar"
                + " did not load (" + bundledFailure + ") and there is none on the PATH; set SIGHTLINE_FFMPEG and SIGHTLINE_FFPROBE");
    }

    /** The innermost message: "no jniavdevice in java.library.path" hides the missing system library that caused it. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause == e ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    private static Optional<Path> fromEnvironment(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) return Optional.empty();
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new MediaException(variable + " is set to " + value + ", which is not an executable file");
        }
        return Optional.of(path);
    }

    private static Optional<Path> onPath(Map<String, String> env, String name) {
        String path = env.get("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
