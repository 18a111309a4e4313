package io.sightline.motion.track;

import io.sightline.vision.image.Box;

/**
 * Constant-velocity Kalman filter over a box, state {cx, cy, aspect, height} and their rates per second
 * (the DeepSORT/ByteTrack parametrisation). Noise scales with the box height, so near and far objects
 * are tracked alike; time steps are real seconds because sampled frames need not be evenly spaced.
 */
final class KalmanBoxFilter {
    private static final int N = 8;
    /** Position noise: 5% of the box height. */
    private static final double POSITION_STD = 0.05;
    /** Unknown initial velocity: up to a box height per second; sampled at 2-5 fps objects jump far. */
    private static final double INITIAL_VELOCITY_STD = 1.0;
    /** Acceleration noise: half a box height per second squared. */
    private static final double ACCELERATION_STD = 0.5;
    private static final double ASPECT_STD = 0.1;
    private static final double ASPECT_RATE_STD = 0.01;

    private final double[] x = new double[N];
    private final double[][] p = new double[N][N];

    KalmanBoxFilter(Box box) {
        double[] z = measurement(box);
        System.arraycopy(z, 0, x, 0, 4);
        double h = z[3];
        double[] std = {2 * POSITION_STD * h, 2 * POSITION_STD * h, ASPECT_STD, 2 * POSITION_STD * h,
                INITIAL_VELOCITY_STD * h, INITIAL_VELOCITY_STD * h, ASPECT_RATE_STD, INITIAL_VELOCITY_STD * h};
        for (int i = 0; i < N; i++) p[i][i] = std[i] * std[i];
    }

    void predict(double dt) {
        if (dt <= 0) return;
        for (int i = 0; i < 4; i++) x[i] += dt * x[i + 4];
        // P = F P F' + Q with F = [[I, dt I], [0, I]].
        double[][] fp = new double[N][N];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) fp[r][c] = p[r][c] + (r < 4 ? dt * p[r + 4][c] : 0);
        }
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) p[r][c] = fp[r][c] + (c < 4 ? dt * fp[r][c + 4] : 0);
        }
        double h = Math.max(x[3], 1e-3);
        double[] q = {POSITION_STD * h, POSITION_STD * h, ASPECT_STD, POSITION_STD * h,
                ACCELERATION_STD * h, ACCELERATION_STD * h, ASPECT_RATE_STD, ACCELERATION_STD * h};
        for (int i = 0; i < N; i++) p[i][i] += q[i] * q[i] * dt;
    }

    void update(Box box) {
        double[] z = measurement(box);
        double h = Math.max(x[3], 1e-3);
        double[] r = {POSITION_STD * h, POSITION_STD * h, ASPECT_STD, POSITION_STD * h};
        // S = H P H' + R, H selects the first four state entries.
        double[][] s = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) s[i][j] = p[i][j];
            s[i][i] += r[i] * r[i];
        }
        double[][] sInverse = invert4(s);
        // K = P H' S^-1  (N x 4)
        double[][] k = new double[N][4];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                for (int m = 0; m < 4; m++) sum += p[i][m] * sInverse[m][j];
                k[i][j] = sum;
            }
        }
        double[] innovation = new double[4];
        for (int i = 0; i < 4; i++) innovation[i] = z[i] - x[i];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 4; j++) x[i] += k[i][j] * innovation[j];
        }
        // P = (I - K H) P
        double[][] updated = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double sum = p[i][j];
                for (int m = 0; m < 4; m++) sum -= k[i][m] * p[m][j];
                updated[i][j] = sum;
            }
        }
        for (int i = 0; i < N; i++) System.arraycopy(updated[i], 0, p[i], 0, N);
    }

    Box box() {
        double h = Math.max(x[3], 1e-4);
        double w = Math.max(x[2], 1e-3) * h;
        return new Box(x[0] - w / 2, x[1] - h / 2, x[0] + w / 2, x[1] + h / 2);
    }

    /** Image-plane velocity of the centre, frame fractions per second. */
    double velocityX() {
        return x[4];
    }

    double velocityY() {
        return x[5];
    }

    private static double[] measurement(Box box) {
        double h = Math.max(box.height(), 1e-4);
        return new double[] {box.centerX(), box.centerY(), box.width() / h, h};
    }

    private static double[][] invert4(double[][] m) {
        int n = 4;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] swap = a[col]; a[col] = a[pivot]; a[pivot] = swap;
            double d = a[col][col];
            for (int c = 0; c < 2 * n; c++) a[col][c] /= d;
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = a[r][col];
                for (int c = 0; c < 2 * n; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inverse[i], 0, n);
        return inverse;
    }
}
