package io.sightline.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams sampled frames of a video for perception, one at a time (never all in memory), each
 * with its own presentation time as ffmpeg's {@code showinfo} logs it, in seconds from the start
 * of the file. Rotation is applied, so frames come out upright. Data ffmpeg cannot decode is
 * skipped (or concealed) by ffmpeg, counted in {@link #decodeWarnings()} and logged once as a
 * warning; the video only fails when not a single frame could be decoded.
 *
 * <p>Not thread-safe: one consumer reads the frames, then closes the decoder.
 */
public final class FrameDecoder implements AutoCloseable, Iterable<DecodedFrame> {

    private static final Logger log = LoggerFactory.getLogger(FrameDecoder.class);
    private static final Pattern SHOWINFO = Pattern.compile("\\bn:\\s*(\\d+)\\s+pts:\\s*-?\\d+\\s+pts_time:\\s*(-?[0-9.]+(?:e-?\\d+)?)");
    private static final long TIMESTAMP_WAIT_SECONDS = 30;
    private static final long EXIT_WAIT_SECONDS = 30;
    /** Non-reference frames are skipped when a sampling slot holds at least this many source frames. */
    static final int MIN_FRAMES_PER_SLOT_TO_SKIP = 4;

    private record Timestamp(int frame, double seconds) {}

    private final Path video;
    private final Process process;
    private final DataInputStream frames;
    private final BlockingQueue<Timestamp> timestamps = new LinkedBlockingQueue<>();
    private final int width;
    private final int height;
    private final StderrLog stderr;
    private final AtomicInteger decodeWarnings = new AtomicInteger();
    private volatile String firstWarning;
    private final Storyboard storyboard;
    private boolean storyboardWritten;
    private int framesRead;
    private boolean ended;

    private FrameDecoder(FfmpegBinaries binaries, Path video, int width, int height, List<String> command, Storyboard storyboard) {
        this.video = video;
        this.width = width;
        this.height = height;
        this.storyboard = storyboard;
        this.process = FfmpegProcess.start(binaries, command);
        this.frames = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 20));
        this.stderr = StderrLog.drain(process.getErrorStream(), FrameDecoder::isProblem, this::onLog);
    }

    /**
     * Opens a decoder sampling about {@code fps} frames a second, scaled (keeping the aspect ratio,
     * never enlarged) to fit within {@code maxWidth x maxHeight}.
     *
     * @throws MediaException when the file is not a readable video
     */
    public static FrameDecoder open(MediaProcessor media, Path video, double fps, int maxWidth, int maxHeight) {
        return open(media.binaries(), video, media.probe(video), fps, maxWidth, maxHeight);
    }

    /** Like {@link #open(MediaProcessor, Path, double, int, int)}, for a video already probed. */
    public static FrameDecoder open(FfmpegBinaries binaries, Path video, ProbeResult probe, double fps, int maxWidth, int maxHeight) {
        int[] size = frameSize(probe, fps, maxWidth, maxHeight);
        return new FrameDecoder(binaries, video, size[0], size[1],
                FfmpegCommands.decodeFrames(binaries.ffmpeg(), video, fps, size[0], size[1], skipsNonReference(probe, fps)), null);
    }

    /**
     * Like {@link #open(MediaProcessor, Path, double, int, int)}, also writing the video's storyboard
     * sprite ({@link MediaProcessor#storyboard}) to {@code storyboardJpeg} from the same decoding.
     * The sprite is put in place (atomically) when the last frame has been read; {@link #storyboard()}
     * then gives its layout.
     */
    public static FrameDecoder openWithStoryboard(MediaProcessor media, Path video, double fps, int maxWidth, int maxHeight, Path storyboardJpeg) {
        return openWithStoryboard(media.binaries(), video, media.probe(video), fps, maxWidth, maxHeight, storyboardJpeg);
    }

    /** Like {@link #openWithStoryboard(MediaProcessor, Path, double, int, int, Path)}, for a video already probed. */
    public static FrameDecoder openWithStoryboard(FfmpegBinaries binaries, Path video, ProbeResult probe, double fps, int maxWidth, int maxHeight,
                                                  Path storyboardJpeg) {
        int[] size = frameSize(probe, fps, maxWidth, maxHeight);
        StoryboardLayout layout = StoryboardLayout.forVideo(probe.durationSeconds(), probe.displayWidth(), probe.displayHeight());
        Storyboard storyboard = new Storyboard(layout, storyboardJpeg, MediaProcessor.temporary(storyboardJpeg));
        try {
            Files.createDirectories(storyboardJpeg.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new MediaException("cannot create the folder of " + storyboardJpeg + ": " + e.getMessage(), e);
        }
        return new FrameDecoder(binaries, video, size[0], size[1], FfmpegCommands.decodeFramesAndStoryboard(binaries.ffmpeg(),
                video, fps, size[0], size[1], skipsNonReference(probe, fps), layout, storyboard.temporary()), storyboard);
    }

    /** The size frames are decoded at, for a valid sampling rate. */
    private static int[] frameSize(ProbeResult probe, double fps, int maxWidth, int maxHeight) {
        if (!(fps > 0)) throw new IllegalArgumentException("fps must be positive, was " + fps);
        return fit(probe.displayWidth(), probe.displayHeight(), maxWidth, maxHeight);
    }

    private static boolean skipsNonReference(ProbeResult probe, double fps) {
        return probe.fps() >= MIN_FRAMES_PER_SLOT_TO_SKIP * fps;
    }

    /** Where the storyboard goes, and where ffmpeg writes it until the decoding has ended. */
    private record Storyboard(StoryboardLayout layout, Path target, Path temporary) {}

    /** The layout of the storyboard written beside the frames, once the last frame has been read and it is in place. */
    public Optional<StoryboardLayout> storyboard() {
        return Optional.ofNullable(storyboardWritten ? storyboard.layout() : null);
    }

    /** The largest even size of about the same aspect ratio within the bounds, never larger than the source. */
    static int[] fit(int width, int height, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
        return new int[] {even(width * scale), even(height * scale)};
    }

    private static int even(double pixels) {
        // rounding down, but not below an even number that floating point missed by a hair
        return Math.max(2, (int) Math.floor(pixels / 2 + 1e-6) * 2);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** How many errors ffmpeg reported while decoding (corrupt data it skipped or concealed). */
    public int decodeWarnings() {
        return decodeWarnings.get();
    }

    private static boolean isProblem(String line) {
        return line.contains("[error]") || line.contains("[fatal]") || line.contains("corrupt decoded frame");
    }

    private void onLog(String line) {
        if (line.contains("pts_time:") && line.contains("n:")) {
            Matcher m = SHOWINFO.matcher(line);
            if (m.find()) timestamps.add(new Timestamp(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2))));
        } else if (isProblem(line)) {
            if (decodeWarnings.getAndIncrement() == 0) firstWarning = line.strip();
        }
    }

    /**
     * The next frame, or null at the end of the video.
     *
     * @throws MediaException when ffmpeg could not decode the video at all
     */
    public DecodedFrame next() {
        if (ended) return null;
        byte[] rgb = new byte[width * height * 3];
        try {
            frames.readFully(rgb);
        } catch (EOFException end) {
            ended = true;
            checkExit();
            return null;
        } catch (IOException e) {
            throw new MediaException("reading frames from ffmpeg failed: " + e.getMessage(), e);
        }
        Timestamp timestamp = awaitTimestamp();
        if (timestamp.frame() != framesRead) {
            throw new MediaException("frame timestamps out of step: frame " + framesRead + " got the time of frame " + timestamp.frame());
        }
        framesRead++;
        return new DecodedFrame(timestamp.seconds(), width, height, rgb);
    }

    private Timestamp awaitTimestamp() {
        try {
            Timestamp t = timestamps.poll(TIMESTAMP_WAIT_SECONDS, TimeUnit.SECONDS);
            if (t == null) throw new MediaException("ffmpeg gave a frame without its timestamp");
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            FfmpegProcess.kill(process);
            throw new MediaException("frame decoding was interrupted", e);
        }
    }

    /** After the last frame: a failure without a single frame is the video's failure, a later one a damaged tail. */
    private void checkExit() {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                FfmpegProcess.kill(process);
                throw new MediaException("ffmpeg did not finish after its last frame and was stopped");
            }
            stderr.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            FfmpegProcess.kill(process);
            throw new MediaException("frame decoding was interrupted", e);
        }
        List<String> problems = stderr.lines();
        if (process.exitValue() != 0 && framesRead == 0) {
            throw new MediaException(MediaErrors.explain("ffmpeg", problems, process.exitValue()));
        }
        if (process.exitValue() != 0 && decodeWarnings.get() == 0) {
            decodeWarnings.incrementAndGet();
            firstWarning = String.join("; ", problems);
        }
        if (decodeWarnings.get() > 0) {
            log.warn("{}: ffmpeg reported {} decoding errors after {} frames; undecodable data was skipped. First: {}",
                    video.getFileName(), decodeWarnings.get(), framesRead, firstWarning);
        }
        if (storyboard != null) storyboardWritten = MediaProcessor.putInPlace(storyboard.temporary(), storyboard.target());
    }

    @Override
    public Iterator<DecodedFrame> iterator() {
        return new Iterator<>() {
            private DecodedFrame pending;

            @Override
            public boolean hasNext() {
                if (pending == null) pending = FrameDecoder.this.next();
                return pending != null;
            }

            @Override
            public DecodedFrame next() {
                if (!hasNext()) throw new NoSuchElementException();
                DecodedFrame current = pending;
                pending = null;
                return current;
            }
        };
    }

    /** The frames as a lazy stream; closing the stream closes the decoder. */
    public Stream<DecodedFrame> stream() {
        return StreamSupport.stream(spliterator(), false).onClose(this::close);
    }

    /** Stops ffmpeg if it is still running (the consumer stopped early). Never throws. */
    @Override
    public void close() {
        if (process.isAlive()) FfmpegProcess.kill(process);
        try {
            frames.close();
        } catch (IOException ignored) {
            // the pipe of a stopped process
        }
        if (storyboard != null) {
            try {
                Files.deleteIfExists(storyboard.temporary());
            } catch (IOException ignored) {
                // a stray temporary file is hidden and harmless
            }
        }
    }
}
