package io.sightline.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every ffmpeg and ffprobe command line Sightline runs, as pure functions of their inputs, so each
 * can be checked by looking at its argument list.
 */
public final class FfmpegCommands {

    /** HLS segment length in seconds; transcodes put a keyframe this often so segments come out even. */
    public static final int HLS_SEGMENT_SECONDS = 4;
    /** A variable frame rate source becomes constant at its average rate, but never above this. */
    static final double MAX_CONSTANT_FPS = 60;
    private static final List<String> QUIET = List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y");
    private static final List<String> PROGRESS = List.of("-progress", "pipe:1", "-nostats");
    private static final String POSTER_SIZE = "scale='min(640,iw)':-2";
    /**
     * Decoding keyframes only, on one decoder thread: frame threads have little to share among a few
     * independent frames, and starting them costs more than they save. The same bytes out, and the
     * thumbnails step 0.57-0.67 → 0.44-0.50 s on the looped dashcam minute, 0.46-0.50 → 0.30-0.35 s at 1080p.
     */
    private static final List<String> KEYFRAMES_ONLY = List.of("-skip_frame", "nokey", "-threads", "1");

    private FfmpegCommands() {}

    public static List<String> probe(Path ffprobe, Path input) {
        return List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", input.toString());
    }

    /**
     * The video packets of the first {@code windowSeconds} as {@code pts_time,flags} lines, read
     * without decoding, to see how far apart the keyframes are.
     */
    public static List<String> keyframes(Path ffprobe, Path input, double windowSeconds) {
        return List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-read_intervals", "%+" + format(windowSeconds),
                "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", input.toString());
    }

    /** Copies H.264/AAC into an MP4 with the index up front (faststart), first video and audio streams only. */
    public static List<String> remux(Path ffmpeg, Path input, Path output) {
        List<String> args = start(ffmpeg, input);
        args.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "+faststart"));
        return finish(args, "mp4", output);
    }

    /**
     * Transcodes to H.264 (yuv420p, even dimensions, a keyframe every segment) and AAC when the
     * source has audio (copied when it is AAC already). Variable frame rate becomes constant at the average rate; rotation is
     * applied to the pixels (ffmpeg's default autorotate), so players need no display matrix.
     */
    public static List<String> transcode(Path ffmpeg, Path input, ProbeResult probe, Path output) {
        List<String> args = start(ffmpeg, input);
        args.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
                "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-force_key_frames", "expr:gte(t,n_forced*" + HLS_SEGMENT_SECONDS + ")"));
        if (probe.variableFrameRate() && probe.fps() > 0) {
            args.addAll(List.of("-fps_mode", "cfr", "-r", format(Math.min(probe.fps(), MAX_CONSTANT_FPS))));
        }
        if ("aac".equals(probe.audioCodec())) {
            args.addAll(List.of("-c:a", "copy")); // already what HLS wants: no generation loss, no time spent
        } else if (probe.audioCodec() != null) {
            args.addAll(List.of("-c:a", "aac", "-b:a", "128k"));
        }
        args.addAll(List.of("-movflags", "+faststart"));
        return finish(args, "mp4", output);
    }

    /** Packages an MP4 as HLS VOD without re-encoding: {@code index.m3u8} and {@code segNNNNN.ts} in {@code dir}. */
    public static List<String> hls(Path ffmpeg, Path mp4, Path dir) {
        List<String> args = start(ffmpeg, mp4);
        args.addAll(List.of("-map", "0", "-c", "copy", "-hls_time", Integer.toString(HLS_SEGMENT_SECONDS),
                "-hls_playlist_type", "vod", "-hls_segment_filename", dir.resolve("seg%05d.ts").toString()));
        return finish(args, "hls", dir.resolve("index.m3u8"));
    }

    /** One JPEG frame at {@code atSeconds}, at most 640 pixels wide. */
    public static List<String> poster(Path ffmpeg, Path mp4, double atSeconds, Path output) {
        List<String> args = new ArrayList<>(QUIET);
        args.add(0, ffmpeg.toString());
        args.addAll(List.of("-ss", format(atSeconds), "-i", mp4.toString(), "-map", "0:v:0", "-frames:v", "1",
                "-vf", POSTER_SIZE, "-q:v", "3"));
        return finish(args, "image2", output);
    }

    /**
     * {@link #poster} from the first keyframe in the {@code withinSeconds} after {@code atSeconds}: only keyframes are
     * decoded, not every frame from the keyframe before {@code atSeconds} on. ffmpeg fails, having written nothing,
     * when there is no keyframe there ({@code trim} ends the input at the window's end).
     */
    public static List<String> posterFromKeyframe(Path ffmpeg, Path mp4, double atSeconds, double withinSeconds, Path output) {
        List<String> args = new ArrayList<>(QUIET);
        args.add(0, ffmpeg.toString());
        args.addAll(KEYFRAMES_ONLY);
        args.addAll(List.of("-ss", format(atSeconds), "-i", mp4.toString(), "-map", "0:v:0", "-frames:v", "1",
                "-vf", "trim=end=" + format(withinSeconds) + "," + POSTER_SIZE, "-q:v", "3"));
        return finish(args, "image2", output);
    }

    /**
     * The storyboard sprite: one frame every interval, scaled to the tile size, tiled into one JPEG.
     * With {@code keyframesOnly} only keyframes are decoded, many times faster on long videos; right
     * when every interval holds a keyframe, as in MP4s {@link MediaProcessor#prepare} wrote once the
     * interval is at least {@link MediaProcessor#MAX_KEYFRAME_GAP_SECONDS}.
     */
    public static List<String> storyboard(Path ffmpeg, Path mp4, StoryboardLayout layout, boolean keyframesOnly, Path output) {
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString()));
        args.addAll(QUIET);
        // otherwise frames nothing refers to (most B-frames) are skipped: a tile a frame or two off is no matter
        args.addAll(keyframesOnly ? KEYFRAMES_ONLY : List.of("-skip_frame", "noref"));
        // Keyframes alone end the stream at the last keyframe's own short duration; cloning it to the
        // end keeps the last tiles from coming out black (or the sprite empty, with one keyframe). The few
        // keyframes are scaled first, so the clones and the frame-rate filter handle thumbnails, not full
        // frames (1080p: 0.3 -> 0.2 s, the same sprite).
        String filter = keyframesOnly
                ? thumbnail(layout) + ",tpad=stop_mode=clone:stop_duration=" + format(layout.tiles() * layout.intervalSeconds()) + ","
                        + everyInterval(layout) + "," + tiled(layout)
                : storyboardFilter(layout);
        args.addAll(List.of("-i", mp4.toString(), "-map", "0:v:0", "-vf", filter, "-frames:v", "1", "-q:v", "4"));
        return finish(args, "image2", output);
    }

    /**
     * The JPEG encoder needs full-range pixels, which ffmpeg converts to by itself except when the
     * sprite is flushed at the end from one frame (a short video's keyframes alone): asked for here.
     */
    private static String tiled(StoryboardLayout layout) {
        return "tile=" + layout.columns() + "x" + layout.rows() + ",format=yuvj420p";
    }

    private static String storyboardFilter(StoryboardLayout layout) {
        return everyInterval(layout) + "," + thumbnail(layout) + "," + tiled(layout);
    }

    private static String everyInterval(StoryboardLayout layout) {
        return "fps=1/" + format(layout.intervalSeconds());
    }

    private static String thumbnail(StoryboardLayout layout) {
        return "scale=" + layout.tileWidth() + ":" + layout.tileHeight();
    }

    /**
     * Decodes frames for perception as raw RGB on stdout, scaled to exactly {@code width x height}
     * (rotation is already applied by ffmpeg). About {@code fps} frames a second are kept: the first
     * decoded frame of each {@code 1/fps} slot of the timeline, so every frame keeps its own
     * presentation time, which {@code showinfo} logs (at info level, one line per frame kept).
     * Unlike the {@code fps} filter this never invents or re-times frames, which matters for
     * variable frame rate input; {@code -fps_mode passthrough} stops the raw muxer from padding
     * the output to a constant rate. With {@code skipNonReference} the decoder drops frames no other
     * frame refers to (most B-frames) unseen, which saves a third of the decoding on such video;
     * only right when the source has several frames per slot, or slots would go empty.
     */
    public static List<String> decodeFrames(Path ffmpeg, Path input, double fps, int width, int height, boolean skipNonReference) {
        List<String> args = decodeFramesStart(ffmpeg, input, skipNonReference);
        args.addAll(List.of("-map", "0:v:0", "-vf", sampledFrames(fps, width, height)));
        args.addAll(RAW_FRAMES_TO_STDOUT);
        return args;
    }

    /**
     * {@link #decodeFrames} that also writes the {@link #storyboard} sprite of the same video from the
     * same decoding: one pass over the video for both, where running them apart decodes it twice.
     */
    public static List<String> decodeFramesAndStoryboard(Path ffmpeg, Path input, double fps, int width, int height,
                                                         boolean skipNonReference, StoryboardLayout layout, Path storyboard) {
        List<String> args = decodeFramesStart(ffmpeg, input, skipNonReference);
        args.addAll(List.of("-filter_complex", "[0:v:0]split=2[sampled][tiled];[sampled]" + sampledFrames(fps, width, height)
                + "[frames];[tiled]" + storyboardFilter(layout) + "[storyboard]", "-map", "[frames]"));
        args.addAll(RAW_FRAMES_TO_STDOUT);
        args.addAll(List.of("-map", "[storyboard]", "-frames:v", "1", "-q:v", "4", "-f", "image2", storyboard.toString()));
        return args;
    }

    private static final List<String> RAW_FRAMES_TO_STDOUT = List.of("-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1");

    private static List<String> decodeFramesStart(Path ffmpeg, Path input, boolean skipNonReference) {
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "level+info"));
        if (skipNonReference) args.addAll(List.of("-skip_frame", "noref"));
        args.addAll(List.of("-i", input.toString()));
        return args;
    }

    /** The first decoded frame of each {@code 1/fps} slot, scaled, its time logged by {@code showinfo}. */
    private static String sampledFrames(double fps, int width, int height) {
        String slot = "floor(%s*" + format(fps) + ")";
        String firstOfEachSlot = "select='isnan(prev_selected_t)+gt(" + slot.formatted("t") + "\\," + slot.formatted("prev_selected_t") + ")'";
        return firstOfEachSlot + ",scale=" + width + ":" + height + ",showinfo";
    }

    /** {@code input} played over and over for {@code seconds}, its packets copied (not re-encoded) into an MP4. */
    public static List<String> looped(Path ffmpeg, Path input, double seconds, Path output) {
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString()));
        args.addAll(QUIET);
        args.addAll(List.of("-stream_loop", "-1", "-i", input.toString(), "-t", format(seconds), "-map", "0", "-c", "copy"));
        return finish(args, "mp4", output);
    }

    /** Plain decode to nothing: the baseline the benchmarks compare the pipeline with. */
    public static List<String> decodeOnly(Path ffmpeg, Path input) {
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-i", input.toString(), "-f", "null", "-");
    }

    private static List<String> start(Path ffmpeg, Path input) {
        List<String> args = new ArrayList<>();
        args.add(ffmpeg.toString());
        args.addAll(QUIET);
        args.addAll(List.of("-i", input.toString()));
        return args;
    }

    private static List<String> finish(List<String> args, String format, Path output) {
        args.addAll(PROGRESS);
        args.addAll(List.of("-f", format, output.toString()));
        return args;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }
}
