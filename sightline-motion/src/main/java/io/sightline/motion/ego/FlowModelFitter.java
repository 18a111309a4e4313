package io.sightline.motion.ego;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits a {@link FlowModel} to point flow with RANSAC (three-point samples, six equations) followed
 * by a least-squares refit on the inliers. Moving objects, a car's bonnet and burned-in overlays
 * disagree with the dominant background motion and end up as outliers.
 */
final class FlowModelFitter {

    record Fit(FlowModel model, boolean[] inliers, int inlierCount) {}

    private final int iterations;
    private final double minThreshold;
    private final double relativeThreshold;

    /**
     * @param minThreshold      smallest inlier residual, in frame widths (the noise floor of the flow)
     * @param relativeThreshold inlier residual as a fraction of the median flow magnitude: at speed,
     *                          depth differences spread the flow far beyond the noise floor
     */
    FlowModelFitter(int iterations, double minThreshold, double relativeThreshold) {
        this.iterations = iterations;
        this.minThreshold = minThreshold;
        this.relativeThreshold = relativeThreshold;
    }

    Fit fit(PointFlow flow) {
        int n = flow.size();
        if (n < 3) return new Fit(FlowModel.IDENTITY, new boolean[n], 0);
        double[] magnitudes = new double[n];
        for (int i = 0; i < n; i++) magnitudes[i] = flow.magnitude(i);
        double threshold = Math.max(minThreshold, relativeThreshold * median(magnitudes));

        int[] cells = cells(flow);
        // Fixed seed: the same frames give the same answer.
        SplittableRandom random = new SplittableRandom(42);
        double[] best = null;
        int bestScore = -1;
        for (int iteration = 0; iteration < iterations; iteration++) {
            int a = random.nextInt(n), b = random.nextInt(n), c = random.nextInt(n);
            if (a == b || b == c || a == c) continue;
            double[] params = solve(flow, new int[] {a, b, c});
            if (params == null) continue;
            boolean[] mask = new boolean[n];
            int count = countInliers(flow, params, threshold, mask);
            // Spread beats count: the background fills the picture, while a bonnet, an overlay or an unmasked
            // object sits in a few cells however many corners it has.
            int score = coveredCells(cells, mask) * (n + 1) + count;
            if (score > bestScore) {
                bestScore = score;
                best = params;
            }
        }
        if (best == null) return new Fit(FlowModel.IDENTITY, new boolean[n], 0);
        boolean[] inliers = new boolean[n];
        int count = countInliers(flow, best, threshold, inliers);
        for (int refit = 0; refit < 2 && count >= 3; refit++) {
            double[] params = solve(flow, indices(inliers, count));
            if (params == null) break;
            boolean[] next = new boolean[n];
            int nextCount = countInliers(flow, params, threshold, next);
            if (nextCount < 3) break;
            best = params;
            inliers = next;
            count = nextCount;
        }
        return new Fit(FlowModel.of(best), inliers, count);
    }

    static final int GRID_COLUMNS = 6;
    static final int GRID_ROWS = 4;

    /** Each point's cell of a 6 x 4 grid over the frame (rows over the points' vertical extent). */
    private static int[] cells(PointFlow flow) {
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < flow.size(); i++) {
            minY = Math.min(minY, flow.y()[i]);
            maxY = Math.max(maxY, flow.y()[i]);
        }
        double spanY = Math.max(maxY - minY, 1e-9);
        int[] cells = new int[flow.size()];
        for (int i = 0; i < flow.size(); i++) {
            int column = Math.min(GRID_COLUMNS - 1, (int) ((flow.x()[i] + 0.5) * GRID_COLUMNS));
            int row = Math.min(GRID_ROWS - 1, (int) ((flow.y()[i] - minY) / spanY * GRID_ROWS));
            cells[i] = Math.max(0, row) * GRID_COLUMNS + Math.max(0, column);
        }
        return cells;
    }

    /** Cells that hold at least one inlier. */
    private static int coveredCells(int[] cells, boolean[] inliers) {
        boolean[] covered = new boolean[GRID_COLUMNS * GRID_ROWS];
        int count = 0;
        for (int i = 0; i < cells.length; i++) {
            if (inliers[i] && !covered[cells[i]]) {
                covered[cells[i]] = true;
                count++;
            }
        }
        return count;
    }

    private static int[] indices(boolean[] mask, int count) {
        int[] result = new int[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) if (mask[i]) result[k++] = i;
        return result;
    }

    private static int countInliers(PointFlow flow, double[] p, double threshold, boolean[] mask) {
        FlowModel model = FlowModel.of(p);
        // squared distances: RANSAC calls this for every point of every sample, and Math.hypot is slow
        double squaredThreshold = threshold * threshold;
        int count = 0;
        for (int i = 0; i < flow.size(); i++) {
            double ex = flow.dx()[i] - model.dx(flow.x()[i], flow.y()[i]);
            double ey = flow.dy()[i] - model.dy(flow.x()[i], flow.y()[i]);
            boolean inlier = ex * ex + ey * ey <= squaredThreshold;
            if (inlier) count++;
            if (mask != null) mask[i] = inlier;
        }
        return count;
    }

    /** Least squares over the given points via the normal equations; null when degenerate. */
    private static double[] solve(PointFlow flow, int[] points) {
        int m = FlowModel.PARAMETERS;
        double[][] normal = new double[m][m + 1];
        double[] row = new double[m];
        for (int i : points) {
            FlowModel.rowX(flow.x()[i], flow.y()[i], row);
            accumulate(normal, row, flow.dx()[i]);
            FlowModel.rowY(flow.x()[i], flow.y()[i], row);
            accumulate(normal, row, flow.dy()[i]);
        }
        // A ground-expansion term needs points below the centre row; without them pin it to zero
        // instead of letting the system go singular.
        boolean anyBelow = false;
        for (int i : points) anyBelow |= flow.y()[i] > 1e-3;
        if (!anyBelow) {
            Arrays.fill(normal[3], 0);
            for (double[] r : normal) r[3] = 0;
            normal[3][3] = 1;
        }
        return gaussianElimination(normal);
    }

    private static void accumulate(double[][] normal, double[] row, double target) {
        int m = row.length;
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) normal[r][c] += row[r] * row[c];
            normal[r][m] += row[r] * target;
        }
    }

    private static double[] gaussianElimination(double[][] a) {
        int m = a.length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            if (Math.abs(a[pivot][col]) < 1e-12) return null;
            double[] swap = a[col]; a[col] = a[pivot]; a[pivot] = swap;
            for (int r = 0; r < m; r++) {
                if (r == col) continue;
                double factor = a[r][col] / a[col][col];
                if (factor == 0) continue;
                for (int c = col; c <= m; c++) a[r][c] -= factor * a[col][c];
            }
        }
        double[] x = new double[m];
        for (int r = 0; r < m; r++) x[r] = a[r][m] / a[r][r];
        return x;
    }

    static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
