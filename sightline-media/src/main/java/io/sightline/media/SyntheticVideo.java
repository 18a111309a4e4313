package io.sightline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Generated test videos (ffmpeg's lavfi sources), so tests, benchmarks and demos never need real
 * clips: a colourful moving test pattern (or flat grey), optionally with a sine tone, a red box
 * sliding left to right, burned-in text, rotation metadata or a variable frame rate, in the
 * codecs and containers the platform must accept. Also makes the broken files uploads bring.
 *
 * <p>Burned-in text uses ffmpeg's drawtext with a font file when one is found ({@code SIGHTLINE_FONT},
 * then DejaVu or Liberation where Debian, Fedora, Arch and macOS put them; Debian's
 * {@code fonts-dejavu-core} is part of this project's machine image). Without any font file the
 * text is drawn with a built-in pixel font ({@link BitmapText}) and overlaid, so generation never
 * depends on what the machine has installed.
 */
public final class SyntheticVideo {

    /** Codec and container of the generated file. */
    public enum Codec {
        H264_MP4("mp4", "mp4", true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
        /** H.264 with B-frames, as most cameras' and phones' encoders write it (the others here have none). */
        H264_BFRAMES_MP4("mp4", "mp4", true, "-c:v", "libx264", "-preset", "ultrafast", "-bf", "3", "-pix_fmt", "yuv420p"),
        H264_MKV("matroska", "mkv", true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
        HEVC_MP4("mp4", "mp4", true, "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-tag:v", "hvc1",
                "-x265-params", "log-level=error"),
        MPEG4_AVI("avi", "avi", false, "-c:v", "mpeg4", "-q:v", "5"),
        MPEG4_MP4("mp4", "mp4", true, "-c:v", "mpeg4", "-q:v", "5"),
        VP9_WEBM("webm", "webm", false, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k"),
        CINEPAK_AVI("avi", "avi", false, "-c:v", "cinepak");

        final String format;
        private final String extension;
        final boolean carriesAac;
        final List<String> args;

        Codec(String format, String extension, boolean carriesAac, String... args) {
            this.format = format;
            this.extension = extension;
            this.carriesAac = carriesAac;
            this.args = List.of(args);
        }

        /** The usual file extension, without the dot. */
        public String extension() {
            return extension;
        }
    }

    private static final List<String> FONT_FILES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu-sans-mono-fonts/DejaVuSansMono.ttf",
            "/usr/share/fonts/TTF/DejaVuSansMono.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
            "/usr/share/fonts/liberation-mono/LiberationMono-Regular.ttf",
            "/System/Library/Fonts/Supplemental/Courier New.ttf");
    private static final Duration GENERATION_TIMEOUT = Duration.ofMinutes(5);

    private final Builder b;

    private SyntheticVideo(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A font file drawtext can use: {@code SIGHTLINE_FONT}, else the first of the usual places that exists. */
    public static Optional<Path> fontFile() {
        String configured = System.getenv("SIGHTLINE_FONT");
        return Stream.concat(Stream.ofNullable(configured), FONT_FILES.stream()).map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    /** Generates the file (replacing one already there) and returns its path. */
    public Path writeTo(Path output) {
        FfmpegBinaries binaries = FfmpegBinaries.locate();
        Path dir = output.toAbsolutePath().getParent();
        Path textImage = null;
        try {
            Files.createDirectories(dir);
            Optional<Path> font = b.systemFont ? fontFile() : Optional.empty();
            if (b.text != null && font.isEmpty()) {
                textImage = BitmapText.writePng(b.text, Math.max(1, b.height / 120), Files.createTempFile(dir, ".text-", ".png"));
            }
            Path generated = b.rotation == 0 ? output : output.resolveSibling(".upright-" + output.getFileName());
            run(binaries, command(binaries.ffmpeg(), font, textImage, generated));
            if (b.rotation != 0) {
                // Rotation is container metadata: generate upright, then copy with a display matrix
                // (counter-clockwise degrees, hence the minus).
                run(binaries, List.of(binaries.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                        "-display_rotation", Integer.toString(-b.rotation), "-i", generated.toString(), "-map", "0", "-c", "copy",
                        "-f", b.codec.format, output.toString()));
                Files.deleteIfExists(generated);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (textImage != null) textImage.toFile().delete();
        }
    }

    /** The ffmpeg argument list that generates the video upright; {@code textImage} stands in for a missing font. */
    List<String> command(Path ffmpeg, Optional<Path> font, Path textImage, Path output) {
        String duration = FfmpegCommands.format(b.seconds);
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        int inputs = 0;
        args.addAll(List.of("-f", "lavfi", "-i", (b.plain ? "color=c=0x808080:size=" : "testsrc2=size=") + b.width + "x" + b.height
                + ":rate=" + b.fps + ":duration=" + duration));
        String video = "[0:v]";
        List<String> chain = new ArrayList<>();
        if (b.movingBox) {
            int side = Math.max(2, b.height / 4);
            args.addAll(List.of("-f", "lavfi", "-i", "color=c=red:size=" + side + "x" + side + ":rate=" + b.fps));
            // drawbox cannot see time (its "t" is the line thickness), so the sliding box is an overlay whose x follows t.
            chain.add(video + "[" + ++inputs + ":v]overlay=x='(W-w)*t/" + duration + "':y=(H-h)/2:shortest=1[boxed]");
            video = "[boxed]";
        }
        if (b.text != null && font.isPresent()) {
            chain.add(video + drawtext(b.text, font.get()) + "[texted]");
            video = "[texted]";
        } else if (b.text != null) {
            args.addAll(List.of("-loop", "1", "-i", textImage.toString()));
            chain.add(video + "[" + ++inputs + ":v]overlay=x=10:y=H-h-10:shortest=1[texted]");
            video = "[texted]";
        }
        if (b.variableFrameRate) {
            // All frames for two seconds, then every third: the average rate falls below the nominal one.
            chain.add(video + "select='lt(n\\," + b.fps * 2 + ")+not(mod(n\\,3))'[vfr]");
            video = "[vfr]";
        }
        boolean audio = b.audio && b.codec.carriesAac;
        if (audio) args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + duration));
        int audioInput = ++inputs;
        if (chain.isEmpty()) {
            args.addAll(List.of("-map", "0:v"));
        } else {
            args.addAll(List.of("-filter_complex", String.join(";", chain), "-map", video));
        }
        if (audio) args.addAll(List.of("-map", audioInput + ":a"));
        if (b.variableFrameRate) args.addAll(List.of("-fps_mode", "vfr"));
        args.addAll(b.codec.args);
        if (audio) args.addAll(List.of("-c:a", "aac", "-b:a", "64k"));
        args.addAll(List.of("-t", duration, "-f", b.codec.format, output.toString()));
        return args;
    }

    /** drawtext with the text quoted for the filter graph: {@code \:} for a colon, no expansion of {@code %}. */
    static String drawtext(String text, Path font) {
        String escaped = text.replace("\\", "\\\\\\\\").replace("'", "").replace(":", "\\:");
        return "drawtext=fontfile='" + font + "':expansion=none:text='" + escaped
                + "':x=10:y=h-th-10:fontsize=h/16:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=4";
    }

    private static void run(FfmpegBinaries binaries, List<String> command) {
        FfmpegProcess.capture(binaries, command, GENERATION_TIMEOUT);
    }

    /** A zero-byte file, as a failed upload leaves it. */
    public static Path emptyFile(Path target) {
        return write(target, new byte[0]);
    }

    /** A text file under a video's name, as a wrong pick in a file dialog gives. */
    public static Path textFile(Path target) {
        return write(target, "This is not a video, only text with a video's name.\n".repeat(50).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A copy of {@code source} cut to {@code fraction} of its bytes, as an interrupted transfer leaves it. */
    public static Path truncatedCopy(Path source, Path target, double fraction) {
        byte[] bytes = read(source);
        return write(target, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    /**
     * A copy of {@code source} with {@code spans} runs of random bytes written over the middle of the
     * file, where the media data is, as a bad disk or a broken transfer leaves it. Deterministic.
     */
    public static Path corruptedCopy(Path source, Path target, int spans) {
        byte[] bytes = read(source);
        Random random = new Random(42);
        int span = Math.max(16, bytes.length / 100);
        for (int s = 1; s <= spans; s++) {
            int start = (int) ((long) bytes.length * s / (spans + 2));
            for (int i = start; i < Math.min(bytes.length, start + span); i++) bytes[i] = (byte) random.nextInt(256);
        }
        return write(target, bytes);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.write(target, bytes);
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
        private boolean systemFont = true;

        private Builder() {}

        public Builder duration(double seconds) {
            if (!(seconds > 0)) throw new IllegalArgumentException("duration must be positive");
            this.seconds = seconds;
            return this;
        }

        /** Picture size before rotation; even numbers, as most encoders need. */
        public Builder size(int width, int height) {
            if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("size must be even and at least 16x16, was " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder fps(int fps) {
            if (fps <= 0) throw new IllegalArgumentException("fps must be positive");
            this.fps = fps;
            return this;
        }

        public Builder codec(Codec codec) {
            this.codec = codec;
            return this;
        }

        /** A sine tone as AAC; only where the container carries AAC (MP4, Matroska), ignored otherwise. */
        public Builder withAudio(boolean audio) {
            this.audio = audio;
            return this;
        }

        /** A red square sliding from the left edge to the right edge over the whole video. */
        public Builder movingBox(boolean movingBox) {
            this.movingBox = movingBox;
            return this;
        }

        /** Text burned in at the bottom left on a dark band, like a dashcam overlay. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Display rotation metadata, clockwise degrees (90, 180, 270); the pixels stay upright.
         * MP4, Matroska and WebM carry it; AVI has no place for it, so AVI files come out unrotated.
         */
        public Builder rotation(int degrees) {
            if (degrees % 90 != 0) throw new IllegalArgumentException("rotation must be a multiple of 90, was " + degrees);
            this.rotation = ((degrees % 360) + 360) % 360;
            return this;
        }

        /** All frames for the first two seconds, then every third, so the frame rate varies. */
        public Builder variableFrameRate(boolean vfr) {
            this.variableFrameRate = vfr;
            return this;
        }

        /** A flat grey background instead of the colourful test pattern, so drawn shapes stand alone. */
        public Builder plainBackground(boolean plain) {
            this.plain = plain;
            return this;
        }

        /** Tests: draw text with the built-in pixel font even where a font file exists. */
        Builder systemFont(boolean useSystemFont) {
            this.systemFont = useSystemFont;
            return this;
        }

        public SyntheticVideo build() {
            return new SyntheticVideo(this);
        }
    }
}
