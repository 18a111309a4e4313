package io.sightline.engine.perception;

import io.sightline.media.FfmpegBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Videos generated with ffmpeg's lavfi sources (the media module's ffmpeg), so tests need no clips. */
final class TestVideos {
    private static final List<String> FONTS = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf");

    private TestVideos() {}

    /** A font file drawtext can use; without one the overlay cannot be drawn. */
    static Optional<String> font() {
        return FONTS.stream().filter(f -> Files.exists(Path.of(f))).findFirst();
    }

    /**
     * A fixed camera looking at a grey grid (static background texture for the optical flow) while a
     * red box crosses from left to right; with a font, a dashcam-style overlay is burned in at the bottom.
     */
    static Path crossingBox(Path dir, double seconds, String overlay) throws IOException, InterruptedException {
        Path out = dir.resolve("crossing.mp4");
        // the box is a second colour source laid over the grid: drawbox cannot move (its "t" is the thickness)
        String graph = "[0]drawgrid=w=32:h=32:t=2:c=white@0.8[bg];[bg][1]overlay=x='40+(W-200)*t/" + seconds + "':y=H/2-40";
        Optional<String> font = font();
        if (overlay != null && font.isPresent()) {
            graph += ",drawtext=fontfile=" + font.get() + ":text='" + overlay.replace(":", "\\:")
                    + "':x=12:y=h-th-12:fontsize=30:fontcolor=white:box=1:boxcolor=black@0.8:boxborderw=6";
        }
        FfmpegBinaries binaries = FfmpegBinaries.locate();
        List<String> command = List.of(binaries.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "color=c=0x405060:s=960x540:r=10:d=" + seconds,
                "-f", "lavfi", "-i", "color=c=red:s=120x80:r=10:d=" + seconds,
                "-filter_complex", graph, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", out.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(binaries.environment());
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) throw new IOException("ffmpeg failed: " + log);
        return out;
    }
}
