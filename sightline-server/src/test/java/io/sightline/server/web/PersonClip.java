package io.sightline.server.web;

import io.sightline.media.FfmpegBinaries;
import io.sightline.vision.model.ModelSpec;
import io.sightline.vision.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A generated clip with a real photo of a person gliding across a grey frame, so that perception
 * has an object to find. The photo is the standing woman of {@code assets/samples.jpg} in the npm
 * package {@code @vladmandic/human} (MIT), fetched and checked like a model (the detector tests
 * use the same sheet).
 */
final class PersonClip {

    private static final ModelSpec HUMAN_SAMPLES = new ModelSpec("human-samples", "3.3.5", "npm:@vladmandic/human@3.3.5",
            Map.of("assets/samples.jpg", "cc08cc353cbb38beb0ac32a0900a92e78a3656acb477212ac360e3da6331bb9e"));

    private PersonClip() {}

    static Path write(Path output, double seconds) {
        Path sheet = ModelStore.builder().directory(ModelStore.defaultDirectory()).catalog(List.of(HUMAN_SAMPLES)).build()
                .path(HUMAN_SAMPLES.name(), "assets/samples.jpg");
        FfmpegBinaries ffmpeg = FfmpegBinaries.locate();
        String duration = Double.toString(seconds);
        List<String> command = List.of(ffmpeg.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "color=c=0x808080:size=640x360:rate=10:duration=" + duration,
                "-loop", "1", "-i", sheet.toString(),
                // crop the photo out of the contact sheet, enlarge it, slide it left to right
                "-filter_complex", "[1:v]crop=150:156:4:2,scale=300:312[person];"
                        + "[0:v][person]overlay=x='40+40*t':y=24:shortest=1,format=yuv420p[v]",
                "-map", "[v]", "-c:v", "libx264", "-t", duration, output.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ffmpeg.environment());
        try {
            Process process = builder.start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make the person clip: " + log);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
