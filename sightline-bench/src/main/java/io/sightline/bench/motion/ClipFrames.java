package io.sightline.bench.motion;

import io.sightline.vision.image.RgbImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/** Decodes a clip at a fixed sampling rate into RGB frames by piping rawvideo out of the bundled ffmpeg. */
final class ClipFrames {

    interface FrameSink {
        void accept(double timeSeconds, RgbImage frame);
    }

    private final String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    private final String ffprobe = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);

    /** Decodes the whole clip; returns the number of frames. Frame i is at time i / fps. */
    int decode(Path clip, double fps, int maxWidth, FrameSink sink) throws IOException, InterruptedException {
        int[] size = probeSize(clip);
        int width = Math.min(maxWidth, size[0]) / 2 * 2;
        int height = Math.max(2, (int) Math.round((double) size[1] * width / size[0] / 2) * 2);
        Process process = withLibraries(new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-nostdin", "-i", clip.toString(),
                "-vf", "fps=" + fps + ",scale=" + width + ":" + height, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int frames = 0;
        try (DataInputStream in = new DataInputStream(process.getInputStream())) {
            while (true) {
                byte[] pixels = new byte[width * height * 3];
                try {
                    in.readFully(pixels);
                } catch (EOFException end) {
                    break;
                }
                sink.accept(frames / fps, new RgbImage(width, height, pixels));
                frames++;
            }
        }
        process.waitFor();
        return frames;
    }

    /** The bundled executables find libva beside them only through the library path. */
    private ProcessBuilder withLibraries(ProcessBuilder builder) {
        builder.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        return builder;
    }

    private int[] probeSize(Path clip) throws IOException, InterruptedException {
        Process process = withLibraries(new ProcessBuilder(List.of(ffprobe, "-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=width,height", "-of", "csv=p=0", clip.toString()))).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        process.waitFor();
        String[] parts = out.split("[,\\s]+");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
