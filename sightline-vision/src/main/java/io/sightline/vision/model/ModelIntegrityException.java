package io.sightline.vision.model;

/** A fetched or cached file does not have the SHA-256 the catalogue expects; nothing was cached. */
public class ModelIntegrityException extends ModelException {
    public ModelIntegrityException(String model, String message) {
        super(model, message, null);
    }
}
