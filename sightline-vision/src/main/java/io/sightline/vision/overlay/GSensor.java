package io.sightline.vision.overlay;

import java.util.List;

/**
 * Accelerometer values burned into an overlay, in g: three values are the X, Y, Z axes; a single
 * value is whatever the camera shows (usually the magnitude).
 */
public record GSensor(List<Double> values) {
    public GSensor {
        values = List.copyOf(values);
        if (values.size() != 1 && values.size() != 3) throw new IllegalArgumentException("expected 1 or 3 values, got " + values);
    }

    public boolean triaxial() {
        return values.size() == 3;
    }
}
