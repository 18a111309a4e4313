package io.sightline.engine.perception;

import io.sightline.media.DecodedFrame;
import io.sightline.media.FrameDecoder;
import io.sightline.media.MediaException;
import io.sightline.media.MediaProcessor;
import io.sightline.media.ProbeResult;
import io.sightline.media.StoryboardLayout;
import io.sightline.vision.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Frames from the media module's {@link FrameDecoder}: exact presentation times, rotation applied,
 * corrupt frames skipped by ffmpeg and counted. Frames fit in {@code maxWidth} × {@code maxWidth},
 * so portrait videos are limited by their height the way landscape ones are by their width.
 */
public final class MediaFrameSource implements FrameSource {
    private final MediaProcessor media;

    public MediaFrameSource(MediaProcessor media) {
        this.media = media;
    }

    @Override
    public Frames open(Path video, double fps, int maxWidth) {
        return open(video, probe -> FrameDecoder.open(media.binaries(), video, probe, fps, maxWidth, maxWidth), layout -> { });
    }

    /**
     * A source that also writes each video's storyboard sprite ({@link MediaProcessor#storyboard}) to
     * {@code jpeg} from the same decoding, and hands its layout to {@code written} once the last frame
     * is read and the sprite is in place. For one video: every video opened writes to {@code jpeg}.
     */
    public FrameSource withStoryboard(Path jpeg, Consumer<StoryboardLayout> written) {
        return (video, fps, maxWidth) -> open(video,
                probe -> FrameDecoder.openWithStoryboard(media.binaries(), video, probe, fps, maxWidth, maxWidth, jpeg), written);
    }

    /** Probes the video once, for its duration and for the decoder. */
    private Frames open(Path video, Function<ProbeResult, FrameDecoder> decoder, Consumer<StoryboardLayout> storyboardWritten) {
        try {
            ProbeResult probe = media.probe(video);
            return new DecodedFrames(probe.durationSeconds(), decoder.apply(probe), storyboardWritten);
        } catch (MediaException e) {
            throw new FrameDecodingException("cannot decode " + video.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private record DecodedFrames(double durationSeconds, FrameDecoder decoder, Consumer<StoryboardLayout> storyboardWritten) implements Frames {
        @Override
        public Optional<VideoFrame> next() {
            try {
                DecodedFrame frame = decoder.next();
                if (frame == null) {
                    decoder.storyboard().ifPresent(storyboardWritten);
                    return Optional.empty();
                }
                return Optional.of(new VideoFrame(frame.timestampSeconds(), new RgbImage(frame.width(), frame.height(), frame.rgb())));
            } catch (MediaException e) {
                throw new FrameDecodingException("decoding failed: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> warnings() {
            int skipped = decoder.decodeWarnings();
            return skipped == 0 ? List.of() : List.of("the decoder reported " + skipped + " errors (corrupt data); undecodable frames were skipped");
        }

        @Override
        public void close() {
            try {
                decoder.close();
            } catch (MediaException e) {
                throw new FrameDecodingException("decoding failed: " + e.getMessage(), e);
            }
        }
    }
}
