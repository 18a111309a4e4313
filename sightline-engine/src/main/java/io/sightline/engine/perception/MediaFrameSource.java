package io.sightline.engine.perception;

import io.sightline.media.DecodedFrame;
import io.sightline.media.FrameDecoder;
import io.sightline.media.MediaException;
import io.sightline.media.MediaProcessor;
import io.sightline.media.ProbeResult;
import io.sightline.vision.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        try {
            ProbeResult probe = media.probe(video);
            return new DecodedFrames(probe.durationSeconds(), FrameDecoder.open(media, video, fps, maxWidth, maxWidth));
        } catch (MediaException e) {
            throw new FrameDecodingException("cannot decode " + video.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private record DecodedFrames(double durationSeconds, FrameDecoder decoder) implements Frames {
        @Override
        public Optional<VideoFrame> next() {
            try {
                DecodedFrame frame = decoder.next();
                return frame == null ? Optional.empty()
                        : Optional.of(new VideoFrame(frame.timestampSeconds(), new RgbImage(frame.width(), frame.height(), frame.rgb())));
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
