package io.sightline.motion.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    @Test
    void solve_whenSquare_findsMinimumTotal() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Greedy would take (0,1)=1 then (1,0)=2, (2,2)=2 → 5; the optimum is the same here, so use a harder one.
        double[][] tricky = {{1, 2}, {1, 100}};

        assertThat(LinearAssignment.solve(cost)).containsExactly(1, 0, 2);
        assertThat(LinearAssignment.solve(tricky)).containsExactly(1, 0);
    }

    @Test
    void solve_whenMoreRowsThanColumns_leavesRowsOut() {
        double[][] cost = {{5}, {1}, {3}};

        assertThat(LinearAssignment.solve(cost)).containsExactly(-1, 0, -1);
    }

    @Test
    void solve_whenMoreColumnsThanRows_assignsEveryRow() {
        double[][] cost = {{9, 1, 9, 9}, {9, 9, 9, 2}};

        assertThat(LinearAssignment.solve(cost)).containsExactly(1, 3);
    }

    @Test
    void solve_whenEmpty_returnsEmpty() {
        assertThat(LinearAssignment.solve(new double[0][0])).isEmpty();
        assertThat(LinearAssignment.solve(new double[2][0])).containsExactly(-1, -1);
    }
}
