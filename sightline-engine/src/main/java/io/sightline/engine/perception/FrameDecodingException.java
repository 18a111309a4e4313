package io.sightline.engine.perception;

/** The video could not be decoded at all (as opposed to some corrupt frames, which are skipped with a warning). */
public final class FrameDecodingException extends RuntimeException {
    public FrameDecodingException(String message) {
        super(message);
    }

    public FrameDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
