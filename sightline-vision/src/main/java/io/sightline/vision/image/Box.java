package io.sightline.vision.image;

/**
 * An axis-aligned box in normalised frame coordinates: (0,0) is the top-left corner, (1,1) the
 * bottom-right, whatever the frame's resolution.
 */
public record Box(double x1, double y1, double x2, double y2) {
    public Box {
        if (x2 < x1 || y2 < y1) throw new IllegalArgumentException("inverted box " + x1 + "," + y1 + "," + x2 + "," + y2);
    }

    public double width() { return x2 - x1; }

    public double height() { return y2 - y1; }

    public double area() { return width() * height(); }

    public double centerX() { return (x1 + x2) / 2; }

    public double centerY() { return (y1 + y2) / 2; }

    /** The area the two boxes share, 0 when they do not overlap. */
    public double intersectionArea(Box other) {
        double ix = Math.max(0, Math.min(x2, other.x2) - Math.max(x1, other.x1));
        double iy = Math.max(0, Math.min(y2, other.y2) - Math.max(y1, other.y1));
        return ix * iy;
    }

    /** Intersection over union, 0 when the boxes do not overlap. */
    public double iou(Box other) {
        double inter = intersectionArea(other);
        double union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
