package io.sightline.sdk;

/** The server could not be reached, or the connection broke before a response arrived. */
public class ConnectionException extends SightlineException {
    private final boolean requestSent;

    /**
     * @param requestSent false when the failure happened before any byte of the request could have
     *                    reached the server (connection refused, connect timeout), so even a
     *                    non-idempotent request may be sent again
     */
    public ConnectionException(String message, Throwable cause, boolean requestSent) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    public boolean requestSent() {
        return requestSent;
    }
}
