package io.sightline.vision.overlay;

/** The text an overlay region showed at one moment. */
public record OverlayReading(double seconds, String text, double confidence) {
    public OverlayFields fields() {
        return OverlayParser.parse(text);
    }
}
