package io.sightline.vision.overlay;

/** A speed read from an overlay, in the unit it was shown in. */
public record Speed(double value, Unit unit) {
    public enum Unit { KMH, MPH }

    private static final double KM_PER_MILE = 1.609344;

    public double kmh() {
        return unit == Unit.KMH ? value : value * KM_PER_MILE;
    }
}
