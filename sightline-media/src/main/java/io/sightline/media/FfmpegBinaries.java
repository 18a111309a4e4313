package io.sightline.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the ffmpeg and ffprobe executables are, and the environment they need. Looked up in this
 * order: {@code SIGHTLINE_FFMPEG} / {@code SIGHTLINE_FFPROBE}; the executables inside the bytedeco
 * {@code ffmpeg} jar (a Maven dependency, so a fresh machine needs no system package); the PATH.
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    private static volatile FfmpegBinaries located;

    /** The binaries of this machine, found once per process. */
    public static FfmpegBinaries locate() {
        FfmpegBinaries found = located;
        if (found == null) {
            synchronized (FfmpegBinaries.class) {
                if (located == null) located = find();
                found = located;
            }
        }
        return found;
    }

    private static FfmpegBinaries find() {
        String ffmpeg = System.getenv("SIGHTLINE_FFMPEG");
        String ffprobe = System.getenv("SIGHTLINE_FFPROBE");
        if (ffmpeg != null && ffprobe != null) return new FfmpegBinaries(Path.of(ffmpeg), Path.of(ffprobe), Map.of());
        try {
            Path bundled = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path bundledProbe = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            // The bundled executables link against the shared libraries unpacked beside them.
            return new FfmpegBinaries(bundled, bundledProbe, Map.of("LD_LIBRARY_PATH", bundled.getParent().toString()));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            Path fromPath = onPath("ffmpeg");
            Path probeFromPath = onPath("ffprobe");
            if (fromPath != null && probeFromPath != null) return new FfmpegBinaries(fromPath, probeFromPath, Map.of());
            throw new MediaException("no ffmpeg found: the bundled one failed to load (" + e.getMessage()
                    + ") and there is none on the PATH; set SIGHTLINE_FFMPEG and SIGHTLINE_FFPROBE", e);
        }
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
