package io.sightline.vision.model;

/** Root of the model store's failures: a model that cannot be had, or one whose bytes are wrong. */
public class ModelException extends RuntimeException {
    private final String model;

    public ModelException(String model, String message, Throwable cause) {
        super(message, cause);
        this.model = model;
    }

    /** Name of the model concerned, e.g. {@code ppocr-v4}. */
    public String model() {
        return model;
    }
}
