package io.sightline.sdk;

/** The root of every exception the SDK throws; unchecked, so callers catch only what they handle. */
public class SightlineException extends RuntimeException {
    public SightlineException(String message) {
        super(message);
    }

    public SightlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
