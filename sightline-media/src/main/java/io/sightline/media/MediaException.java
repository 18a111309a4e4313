package io.sightline.media;

/** ffmpeg or ffprobe could not do what was asked; the message says why in words fit for a user. */
public class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
