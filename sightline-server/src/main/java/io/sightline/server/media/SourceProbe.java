package io.sightline.server.media;

import io.sightline.api.MediaInfo;
import java.nio.file.Path;

/** Reads what a stored source file is; tells real videos from everything else. */
public interface SourceProbe {

    /** @throws NotAVideo when the file is not a playable video, with a reason fit for the user */
    MediaInfo probe(Path file);

    final class NotAVideo extends RuntimeException {
        public NotAVideo(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
