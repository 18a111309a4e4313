package io.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostProcessorTest {
    private static final int W = 100, H = 60;
    private final DbPostProcessor post = new DbPostProcessor(0.3, 0.6, 1.5);

    private static void fill(float[] map, int x1, int y1, int x2, int y2, float p) {
        for (int y = y1; y < y2; y++) for (int x = x1; x < x2; x++) map[y * W + x] = p;
    }

    @Test
    void boxes_whenTwoTextKernels_returnsBothGrownByTheUnclipDistance() {
        float[] map = new float[W * H];
        fill(map, 10, 10, 50, 18, 0.9f);
        fill(map, 60, 40, 90, 46, 0.8f);

        List<DbPostProcessor.MapBox> boxes = post.boxes(map, W, H);

        assertThat(boxes).hasSize(2);
        DbPostProcessor.MapBox first = boxes.getFirst();
        double grow = 40.0 * 8 * 1.5 / (2 * (40 + 8)); // A·ratio / L
        assertThat(first.x1()).isCloseTo(10 - grow, within(1e-9));
        assertThat(first.y2()).isCloseTo(18 + grow, within(1e-9));
        assertThat(first.score()).isCloseTo(0.9, within(1e-6));
    }

    @Test
    void boxes_whenKernelTooWeakOrTooThin_dropsIt() {
        float[] map = new float[W * H];
        fill(map, 10, 10, 50, 18, 0.45f); // above the pixel threshold, below the box threshold
        fill(map, 60, 40, 90, 42, 0.95f); // two pixels high

        assertThat(post.boxes(map, W, H)).isEmpty();
    }

    @Test
    void boxes_whenGrownPastTheEdge_clampsToTheMap() {
        float[] map = new float[W * H];
        fill(map, 0, 50, 30, 60, 0.9f);

        DbPostProcessor.MapBox box = post.boxes(map, W, H).getFirst();

        assertThat(box.x1()).isZero();
        assertThat(box.y2()).isEqualTo(H);
    }
}
