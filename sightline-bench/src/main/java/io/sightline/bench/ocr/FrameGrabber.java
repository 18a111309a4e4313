package io.sightline.bench.ocr;

import io.sightline.vision.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;

/** Single full-resolution frames at given times, from the ffmpeg bundled in the bytedeco jar. */
final class FrameGrabber {
    private final String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    private final String ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);

    record Probe(int width, int height, double seconds) {}

    Probe probe(Path clip) throws IOException, InterruptedException {
        String out = run(List.of(ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height:format=duration",
                "-of", "default=noprint_wrappers=1", clip.toString()));
        int width = 0, height = 0;
        double seconds = 0;
        for (String line : out.split("\n")) {
            String[] kv = line.trim().split("=", 2);
            if (kv.length < 2) continue;
            switch (kv[0]) {
                case "width" -> width = Integer.parseInt(kv[1]);
                case "height" -> height = Integer.parseInt(kv[1]);
                case "duration" -> seconds = Double.parseDouble(kv[1]);
                default -> { }
            }
        }
        return new Probe(width, height, seconds);
    }

    /** The frame shown at {@code seconds} (accurate seek), or null past the end. */
    RgbImage frameAt(Path clip, Probe probe, double seconds) throws IOException, InterruptedException {
        Process process = withLibraries(new ProcessBuilder(ffmpeg, "-v", "error", "-nostdin", "-ss", String.format(Locale.ROOT, "%.3f", seconds),
                "-i", clip.toString(), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] pixels;
        try (InputStream in = process.getInputStream()) {
            pixels = in.readAllBytes();
        }
        process.waitFor();
        if (pixels.length != probe.width() * probe.height() * 3) return null;
        return new RgbImage(probe.width(), probe.height(), pixels);
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process process = withLibraries(new ProcessBuilder(command)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        process.waitFor();
        return out;
    }

    /** The bundled executables find their shared libraries beside them only through the library path. */
    private ProcessBuilder withLibraries(ProcessBuilder builder) {
        builder.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        return builder;
    }
}
