package io.sightline.vision.model;

/**
 * A model is not cached and cannot be fetched now (offline, npm missing, registry error, unknown
 * name). The message says which model, from where, and how to fetch it.
 */
public class ModelUnavailableException extends ModelException {
    public ModelUnavailableException(String model, String message, Throwable cause) {
        super(model, message, cause);
    }
}
