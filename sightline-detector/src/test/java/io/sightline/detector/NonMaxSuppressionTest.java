package io.sightline.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
    private static Detection detection(String label, double score, Box box) {
        return new Detection(label, CocoLabels.id(label), score, box);
    }

    private static final Box CAR = new Box(0.1, 0.1, 0.4, 0.4);
    private static final Box CAR_SHIFTED = new Box(0.12, 0.1, 0.42, 0.4);
    private static final Box ELSEWHERE = new Box(0.6, 0.6, 0.9, 0.9);

    @Test
    void perClass_whenSameClassOverlaps_keepsOnlyTheBest() {
        List<Detection> kept = NonMaxSuppression.perClass(List.of(
                detection("car", 0.4, CAR_SHIFTED), detection("car", 0.6, CAR), detection("car", 0.5, ELSEWHERE)), 0.5);

        assertThat(kept).extracting(Detection::score).containsExactly(0.6, 0.5);
    }

    @Test
    void perClass_whenDifferentClassesOverlap_keepsBoth() {
        List<Detection> kept = NonMaxSuppression.perClass(List.of(detection("person", 0.6, CAR), detection("car", 0.5, CAR)), 0.5);

        assertThat(kept).extracting(Detection::label).containsExactly("person", "car");
    }

    @Test
    void acrossConfusable_whenCarAndTruckShareABox_keepsTheHigherLabel() {
        List<Detection> kept = NonMaxSuppression.acrossConfusable(List.of(
                detection("car", 0.45, CAR), detection("truck", 0.34, CAR_SHIFTED), detection("person", 0.3, CAR)), 0.7);

        assertThat(kept).extracting(Detection::label).containsExactly("car", "person");
    }

    @Test
    void acrossConfusable_whenVehiclesOnlyTouch_keepsBoth() {
        Box adjacent = new Box(0.3, 0.1, 0.6, 0.4);

        List<Detection> kept = NonMaxSuppression.acrossConfusable(List.of(detection("car", 0.5, CAR), detection("bus", 0.4, adjacent)), 0.7);

        assertThat(kept).hasSize(2);
    }

    @Test
    void apply_whenEmpty_returnsEmpty() {
        assertThat(NonMaxSuppression.apply(List.of(), DetectorSettings.defaults())).isEmpty();
    }
}
