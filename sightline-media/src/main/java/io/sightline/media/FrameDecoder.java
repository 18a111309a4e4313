package io.sightline.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams sampled frames of a video for perception, one at a time (never all in memory), each
 * with its exact presentation time taken from ffmpeg's {@code showinfo}. Rotation is applied, so
 * frames come out upright. Frames ffmpeg cannot decode are skipped by ffmpeg and counted here as
 * warnings rather than failing the video.
 */
public final class FrameDecoder implements AutoCloseable, Iterable<DecodedFrame> {

    private static final Pattern PTS_TIME = Pattern.compile("\\bn:\\s*(\\d+).*?\\bpts_time:\\s*(-?[0-9.]+)");
    private static final long TIMESTAMP_WAIT_SECONDS = 30;

    private final Process process;
    private final DataInputStream frames;
    private final BlockingQueue<Double> timestamps = new LinkedBlockingQueue<>();
    private final int width;
    private final int height;
    private final FfmpegProcess.StderrTail stderr;
    private volatile int decodeWarnings;

    private FrameDecoder(FfmpegBinaries binaries, Path video, double fps, int width, int height) {
        this.width = width;
        this.height = height;
        this.process = FfmpegProcess.start(binaries, FfmpegCommands.decodeFrames(binaries.ffmpeg(), video, fps, width, height));
        this.frames = new DataInputStream(new java.io.BufferedInputStream(process.getInputStream(), 1 << 20));
        this.stderr = FfmpegProcess.StderrTail.drain(process.getErrorStream(), this::onLog);
    }

    /**
     * Opens a decoder sampling {@code fps} frames a second, scaled (keeping the aspect ratio) to
     * fit within {@code maxWidth x maxHeight}.
     */
    public static FrameDecoder open(MediaProcessor media, Path video, double fps, int maxWidth, int maxHeight) {
        ProbeResult probe = media.probe(video);
        double scale = Math.min(1.0, Math.min((double) maxWidth / probe.displayWidth(), (double) maxHeight / probe.displayHeight()));
        int width = Math.max(2, (int) Math.round(probe.displayWidth() * scale / 2) * 2);
        int height = Math.max(2, (int) Math.round(probe.displayHeight() * scale / 2) * 2);
        return new FrameDecoder(media.binaries(), video, fps, width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** How many decode errors ffmpeg reported (corrupt frames it skipped). */
    public int decodeWarnings() {
        return decodeWarnings;
    }

    private void onLog(String line) {
        if (line.contains("showinfo") && line.contains("pts_time:")) {
            Matcher m = PTS_TIME.matcher(line);
            if (m.find()) timestamps.add(Double.parseDouble(m.group(2)));
        } else if (line.contains("error") || line.contains("corrupt") || line.contains("Invalid")) {
            decodeWarnings++;
        }
    }

    /** The next frame, or null at the end of the video. */
    public DecodedFrame next() {
        byte[] rgb = new byte[width * height * 3];
        try {
            frames.readFully(rgb);
        } catch (EOFException end) {
            return null;
        } catch (IOException e) {
            throw new MediaException("reading frames from ffmpeg failed: " + e.getMessage(), e);
        }
        try {
            Double t = timestamps.poll(TIMESTAMP_WAIT_SECONDS, TimeUnit.SECONDS);
            if (t == null) throw new MediaException("ffmpeg gave a frame without its timestamp");
            return new DecodedFrame(t, width, height, rgb);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("frame decoding was interrupted", e);
        }
    }

    @Override
    public Iterator<DecodedFrame> iterator() {
        return new Iterator<>() {
            private DecodedFrame pending = FrameDecoder.this.next();

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public DecodedFrame next() {
                if (pending == null) throw new NoSuchElementException();
                DecodedFrame current = pending;
                pending = FrameDecoder.this.next();
                return current;
            }
        };
    }

    public Stream<DecodedFrame> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    /** Stops ffmpeg if it is still running; a failure exit after all frames were read is reported here. */
    @Override
    public void close() {
        try (InputStream ignored = frames) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
                return;
            }
            if (process.exitValue() != 0 && decodeWarnings == 0) {
                stderr.join();
                throw new MediaException("ffmpeg failed while decoding frames: " + stderr.text());
            }
        } catch (IOException e) {
            throw new MediaException(e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
