package io.sightline.bench.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.bench.ocr.OverlayEvaluation.TruthLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayEvaluationTest {
    private static final double AT_27 = 7 * 3600 + 53 * 60 + 27;
    private static final List<TruthLine> TRUTH = List.of(
            new TruthLine(0.0, "2015/09/18 - 07:53:27 -VicoTag7: Vico-WF1"),
            new TruthLine(4.95, "2015/09/18 - 07:53:31 -VicoTag7: Vico-WF1"));

    @Test
    void clockTruth_betweenTwoLabels_interpolatesAClockSlowerThanTheVideo() {
        // 4 clock seconds in 4.95 s of video
        assertThat(OverlayEvaluation.clockTruth(TRUTH, 2.05)).isCloseTo(AT_27 + 4 * 2.05 / 4.95, within(1e-9));
        assertThat(OverlayEvaluation.clockTruth(TRUTH, 0.0)).isCloseTo(AT_27, within(1e-9));
    }

    @Test
    void clockTruth_beyondTheLabels_runsOnFromTheNearestAtVideoSpeed() {
        assertThat(OverlayEvaluation.clockTruth(TRUTH, 6.0)).isCloseTo(AT_27 + 4 + 1.05, within(1e-9));
        assertThat(OverlayEvaluation.clockTruth(List.of(TRUTH.getFirst()), 3.0)).isCloseTo(AT_27 + 3, within(1e-9));
        assertThat(OverlayEvaluation.clockTruth(List.of(new TruthLine(1, "no clock here")), 3.0)).isNull();
    }
}
