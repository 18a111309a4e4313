package io.sightline.motion.ego;

/**
 * The background's apparent motion between two frames, fitted to the tracked feature points.
 * Coordinates are centred and width-normalised (x right, y down, one unit = one frame width,
 * origin at the frame centre); every parameter is a displacement over the frame pair, not a rate.
 *
 * <pre>
 * dx = tx + expansion * x + groundExpansion * x * max(y, 0) - rotation * y + shear * y
 * dy = ty + expansion * y + groundExpansion * y * max(y, 0) + rotation * x
 * </pre>
 *
 * <ul>
 *   <li>{@code tx, ty}: uniform shift, what a camera rotation (yaw, pitch) produces;
 *   <li>{@code expansion}: uniform zoom about the centre, what moving forward produces (negative: backward);
 *   <li>{@code groundExpansion}: extra zoom that grows with the row below the centre, the parallax of the
 *       road surface when moving forward (near rows are closer and expand faster);
 *   <li>{@code rotation}: in-plane rotation, positive = clockwise on screen (roll);
 *   <li>{@code shear}: horizontal shift that grows with the row, the parallax of a sideways translation —
 *       near (low) rows move more than far rows. Negative when the camera moves right.
 * </ul>
 */
public record FlowModel(double tx, double ty, double expansion, double groundExpansion, double rotation, double shear) {

    static final int PARAMETERS = 6;

    public static final FlowModel IDENTITY = new FlowModel(0, 0, 0, 0, 0, 0);

    public double dx(double x, double y) {
        return tx + expansion * x + groundExpansion * x * Math.max(y, 0) - rotation * y + shear * y;
    }

    public double dy(double x, double y) {
        return ty + expansion * y + groundExpansion * y * Math.max(y, 0) + rotation * x;
    }

    /** The local zoom rate at row {@code y}: what a forward-moving camera sees there. */
    public double expansionAt(double y) {
        return expansion + groundExpansion * Math.max(y, 0);
    }

    static FlowModel of(double[] p) {
        return new FlowModel(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** Coefficients of the dx equation for point (x, y), in parameter order. */
    static void rowX(double x, double y, double[] row) {
        double below = Math.max(y, 0);
        row[0] = 1; row[1] = 0; row[2] = x; row[3] = x * below; row[4] = -y; row[5] = y;
    }

    /** Coefficients of the dy equation for point (x, y), in parameter order. */
    static void rowY(double x, double y, double[] row) {
        double below = Math.max(y, 0);
        row[0] = 0; row[1] = 1; row[2] = y; row[3] = y * below; row[4] = x; row[5] = 0;
    }
}
