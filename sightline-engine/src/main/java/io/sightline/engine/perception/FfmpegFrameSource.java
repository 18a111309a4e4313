package io.sightline.engine.perception;

import io.sightline.vision.image.RgbImage;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;

/**
 * Frames through the ffmpeg executable shipped in bytedeco's ffmpeg jar: {@code fps} and
 * {@code scale} filters, frames piped as PPM (each carries its own size, so rotated or odd-sized
 * videos need no probing), and the {@code showinfo} filter's {@code pts_time} for the exact
 * presentation time of every sampled frame. Decoder errors are tolerated ({@code -err_detect
 * ignore_err}) and reported as warnings.
 */
public final class FfmpegFrameSource implements FrameSource {
    private static final Pattern PTS_TIME = Pattern.compile("pts_time:\\s*(-?[0-9.]+)");
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d+):(\\d+(?:\\.\\d+)?)");
    private static final int MAX_WARNINGS = 50;
    private static final long PTS_WAIT_SECONDS = 30;

    private final String ffmpeg;

    private FfmpegFrameSource(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Uses the ffmpeg executable from the bytedeco jar (extracted on first use). */
    public static FfmpegFrameSource create() {
        return new FfmpegFrameSource(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
    }

    static List<String> command(String ffmpeg, Path video, double fps, int maxWidth) {
        String filters = String.format(Locale.ROOT, "fps=%s,scale=w='min(%d,iw)':h=-2:flags=bilinear,showinfo", trim(fps), maxWidth);
        return List.of(ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info",
                "-err_detect", "ignore_err", "-i", video.toString(), "-an", "-sn", "-dn",
                "-vf", filters, "-f", "image2pipe", "-vcodec", "ppm", "-");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Override
    public Frames open(Path video, double fps, int maxWidth) {
        if (fps <= 0 || maxWidth < 16) throw new IllegalArgumentException("fps must be positive and maxWidth at least 16");
        try {
            ProcessBuilder builder = new ProcessBuilder(command(ffmpeg, video, fps, maxWidth));
            // the bundled executable links against the shared libraries unpacked beside it
            builder.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
            Process process = builder.start();
            return new PipedFrames(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ffmpeg", e);
        }
    }

    private static final class PipedFrames implements Frames {
        private final Process process;
        private final InputStream frames;
        private final BlockingQueue<Double> presentationTimes = new LinkedBlockingQueue<>();
        private final List<String> warnings = new ArrayList<>();
        private final Thread stderrReader;
        private volatile double duration = Double.NaN;
        private volatile boolean stderrDone;

        PipedFrames(Process process) {
            this.process = process;
            this.frames = new BufferedInputStream(process.getInputStream(), 1 << 20);
            this.stderrReader = Thread.ofVirtual().start(this::readStderr);
        }

        private void readStderr() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Matcher pts = PTS_TIME.matcher(line);
                    if (line.contains("showinfo") && pts.find()) {
                        presentationTimes.add(Double.parseDouble(pts.group(1)));
                        continue;
                    }
                    Matcher d = DURATION.matcher(line);
                    if (Double.isNaN(duration) && d.find()) {
                        duration = Integer.parseInt(d.group(1)) * 3600 + Integer.parseInt(d.group(2)) * 60 + Double.parseDouble(d.group(3));
                    }
                    if (line.contains("[warning]") || line.contains("[error]") || line.contains("[fatal]")) warn(line.strip());
                }
            } catch (IOException e) {
                warn("decoder log unreadable: " + e.getMessage());
            } finally {
                stderrDone = true;
            }
        }

        private void warn(String message) {
            synchronized (warnings) {
                if (warnings.size() < MAX_WARNINGS && !warnings.contains(message)) warnings.add(message);
            }
        }

        @Override
        public Optional<VideoFrame> next() {
            try {
                RgbImage image = readPpm(frames);
                if (image == null) {
                    finish();
                    return Optional.empty();
                }
                Double time = presentationTimes.poll(PTS_WAIT_SECONDS, TimeUnit.SECONDS);
                if (time == null) throw new IllegalStateException("ffmpeg sent a frame without its presentation time");
                return Optional.of(new VideoFrame(time, image));
            } catch (IOException e) {
                throw new UncheckedIOException("reading frames from ffmpeg failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while decoding", e);
            }
        }

        private void finish() throws InterruptedException {
            int exit = process.waitFor();
            stderrReader.join(TimeUnit.SECONDS.toMillis(PTS_WAIT_SECONDS));
            if (exit != 0) {
                String detail;
                synchronized (warnings) {
                    detail = warnings.isEmpty() ? "" : ": " + warnings.getLast();
                }
                throw new FrameDecodingException("ffmpeg exited with " + exit + detail);
            }
        }

        @Override
        public double durationSeconds() {
            return duration;
        }

        @Override
        public List<String> warnings() {
            synchronized (warnings) {
                return List.copyOf(warnings);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** One binary PPM (P6, maxval 255) from the stream, or null at its end. */
    static RgbImage readPpm(InputStream in) throws IOException {
        int first = in.read();
        if (first == -1) return null;
        if (first != 'P' || in.read() != '6') throw new IOException("not a P6 PPM frame");
        int width = headerNumber(in);
        int height = headerNumber(in);
        int maxValue = headerNumber(in);
        if (maxValue != 255) throw new IOException("unsupported PPM maxval " + maxValue);
        byte[] pixels = in.readNBytes(width * height * 3);
        if (pixels.length != width * height * 3) throw new IOException("truncated frame");
        return new RgbImage(width, height, pixels);
    }

    /** A header number; consumes the single whitespace after it. */
    private static int headerNumber(InputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '#') {
            if (c == '#') while (c != '\n' && c != -1) c = in.read();
            c = in.read();
        }
        int value = 0;
        boolean any = false;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            any = true;
            c = in.read();
        }
        if (!any) throw new IOException("bad PPM header");
        return value;
    }
}
