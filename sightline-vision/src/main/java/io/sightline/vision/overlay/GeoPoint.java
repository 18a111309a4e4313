package io.sightline.vision.overlay;

/** A position in decimal degrees, north and east positive. */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw new IllegalArgumentException("not a position: " + latitude + ", " + longitude);
        }
    }
}
