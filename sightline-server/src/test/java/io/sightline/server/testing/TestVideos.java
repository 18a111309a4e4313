package io.sightline.server.testing;

import io.sightline.media.SyntheticVideo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small generated clips for server tests, made once per directory. */
public final class TestVideos {

    private TestVideos() {}

    /** A short H.264/AAC MP4 with a moving box. */
    public static Path h264(Path dir, String name, double seconds) {
        return SyntheticVideo.builder().duration(seconds).size(320, 240).fps(10).withAudio(true).movingBox(true)
                .build().writeTo(dir.resolve(name));
    }

    /** A short MPEG-4 Part 2 AVI, which needs a real transcode. */
    public static Path mpeg4Avi(Path dir, String name, double seconds) {
        return SyntheticVideo.builder().duration(seconds).size(320, 240).fps(10).codec(SyntheticVideo.Codec.MPEG4_AVI)
                .build().writeTo(dir.resolve(name));
    }

    public static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
