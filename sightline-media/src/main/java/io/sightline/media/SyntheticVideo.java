package io.sightline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated test videos (ffmpeg's lavfi sources), so tests, benchmarks and demos never need real
 * clips: a colourful moving test pattern, optionally with a sine tone, a red box sliding left to
 * right, burned-in text, rotation metadata or a variable frame rate, in several codecs and containers.
 */
public final class SyntheticVideo {

    /** Codec and container of the generated file. */
    public enum Codec {
        H264_MP4("mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), true),
        H264_MKV("matroska", List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), true),
        HEVC_MP4("mp4", List.of("-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-tag:v", "hvc1", "-x265-params", "log-level=error"), true),
        MPEG4_AVI("avi", List.of("-c:v", "mpeg4", "-q:v", "5"), false),
        VP9_WEBM("webm", List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k"), false),
        CINEPAK_AVI("avi", List.of("-c:v", "cinepak"), false);

        final String format;
        final List<String> args;
        final boolean aac;

        Codec(String format, List<String> args, boolean aac) {
            this.format = format;
            this.args = args;
            this.aac = aac;
        }
    }

    private static final List<String> FONT_FILES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final Builder b;

    private SyntheticVideo(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Generates the file and returns its path. */
    public Path writeTo(Path output) {
        FfmpegBinaries binaries = FfmpegBinaries.locate();
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            if (b.rotation == 0) {
                generate(binaries, output);
            } else {
                // Rotation is container metadata: generate upright, then remux with a display matrix.
                Path upright = output.resolveSibling(".upright-" + output.getFileName());
                generate(binaries, upright);
                run(binaries, List.of(binaries.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                        "-display_rotation", Integer.toString(-b.rotation), "-i", upright.toString(), "-c", "copy",
                        "-f", b.codec.format, output.toString()));
                Files.deleteIfExists(upright);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ffmpeg argument list that generates the video (without rotation). */
    List<String> command(Path ffmpeg, Path output) {
        String duration = FfmpegCommands.format(b.seconds);
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", (b.plain ? "color=c=0x808080:size=" : "testsrc2=size=") + b.width + "x" + b.height
                        + ":rate=" + b.fps + ":duration=" + duration));
        int side = Math.max(2, b.height / 4);
        if (b.movingBox) args.addAll(List.of("-f", "lavfi", "-i", "color=c=red:size=" + side + "x" + side + ":rate=" + b.fps));
        boolean audio = b.audio && b.codec.aac;
        if (audio) args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + duration));
        // drawbox cannot see time, so the sliding box is an overlay whose x follows t.
        String chain = b.movingBox ? "[0:v][1:v]overlay=x='(W-w)*t/" + duration + "':y=(H-h)/2:shortest=1" : "[0:v]null";
        if (b.text != null) chain += "," + drawtext(b.text);
        if (b.variableFrameRate) chain += ",select='lt(n\\," + b.fps * 2 + ")+not(mod(n\\,3))'";
        args.addAll(List.of("-filter_complex", chain + "[v]", "-map", "[v]"));
        if (audio) args.addAll(List.of("-map", (b.movingBox ? "2" : "1") + ":a"));
        if (b.variableFrameRate) args.addAll(List.of("-fps_mode", "vfr"));
        args.addAll(b.codec.args);
        if (audio) args.addAll(List.of("-c:a", "aac", "-b:a", "64k", "-shortest"));
        args.addAll(List.of("-f", b.codec.format, output.toString()));
        return args;
    }

    private void generate(FfmpegBinaries binaries, Path output) {
        run(binaries, command(binaries.ffmpeg(), output));
    }

    private static String drawtext(String text) {
        String font = FONT_FILES.stream().filter(f -> Files.exists(Path.of(f))).findFirst().map(f -> "fontfile=" + f + ":").orElse("");
        String escaped = text.replace("\\", "\\\\\\\\").replace(":", "\\\\:").replace("'", "");
        return "drawtext=" + font + "text='" + escaped + "':x=10:y=h-th-10:fontsize=h/16:fontcolor=white:box=1:boxcolor=black@0.6";
    }

    private static void run(FfmpegBinaries binaries, List<String> command) {
        FfmpegProcess.capture(binaries, command, Duration.ofMinutes(5));
    }

    /** A copy of {@code source} cut to {@code fraction} of its bytes, as an interrupted transfer leaves it. */
    public static Path truncatedCopy(Path source, Path target, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            return Files.write(target, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private double seconds = 3;
        private int width = 320;
        private int height = 240;
        private int fps = 10;
        private Codec codec = Codec.H264_MP4;
        private boolean audio;
        private boolean movingBox;
        private String text;
        private int rotation;
        private boolean variableFrameRate;
        private boolean plain;

        public Builder duration(double seconds) {
            this.seconds = seconds;
            return this;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder fps(int fps) {
            this.fps = fps;
            return this;
        }

        public Builder codec(Codec codec) {
            this.codec = codec;
            return this;
        }

        /** A sine tone as AAC; only for containers that carry AAC (MP4, Matroska). */
        public Builder withAudio(boolean audio) {
            this.audio = audio;
            return this;
        }

        /** A red square sliding from the left edge to the right edge over the whole video. */
        public Builder movingBox(boolean movingBox) {
            this.movingBox = movingBox;
            return this;
        }

        /** Text burned in at the bottom left, like a dashcam overlay. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Display rotation metadata, clockwise degrees (90, 180, 270). */
        public Builder rotation(int degrees) {
            this.rotation = degrees;
            return this;
        }

        /** Drops frames after the first two seconds so the frame rate varies. */
        public Builder variableFrameRate(boolean vfr) {
            this.variableFrameRate = vfr;
            return this;
        }

        /** A flat grey background instead of the colourful test pattern, so drawn shapes stand alone. */
        public Builder plainBackground(boolean plain) {
            this.plain = plain;
            return this;
        }

        public SyntheticVideo build() {
            return new SyntheticVideo(this);
        }
    }
}
