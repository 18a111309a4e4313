package io.sightline.motion.track;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns (the Hungarian algorithm, in the shortest-augmenting-path
 * form with potentials, O(n² m)). Rectangular matrices are fine: the shorter side is fully assigned.
 */
final class LinearAssignment {
    private LinearAssignment() {}

    /** For each row, the assigned column, or -1 when there are more rows than columns and the row is left out. */
    static int[] solve(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) return new int[0];
        int columns = cost[0].length;
        if (columns == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows > columns) {
            double[][] transposed = new double[columns][rows];
            for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) transposed[c][r] = cost[r][c];
            int[] columnToRow = solve(transposed);
            int[] rowToColumn = new int[rows];
            Arrays.fill(rowToColumn, -1);
            for (int c = 0; c < columns; c++) if (columnToRow[c] >= 0) rowToColumn[columnToRow[c]] = c;
            return rowToColumn;
        }
        // 1-based arrays as in the textbook formulation; p[j] = row assigned to column j.
        double[] u = new double[rows + 1], v = new double[columns + 1];
        int[] p = new int[columns + 1], way = new int[columns + 1];
        for (int i = 1; i <= rows; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[columns + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[columns + 1];
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= columns; j++) {
                    if (used[j]) continue;
                    double current = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if (current < minv[j]) {
                        minv[j] = current;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= columns; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        for (int j = 1; j <= columns; j++) if (p[j] != 0) result[p[j] - 1] = j - 1;
        return result;
    }
}
