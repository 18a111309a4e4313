package io.sightline.motion.ego;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.motion.SyntheticScene;
import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EgoMotionEstimatorTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final double FPS = 5;
    private static SyntheticScene scene;
    private static EgoMotionConfig config;

    @BeforeAll
    static void drawScene() {
        scene = SyntheticScene.textured(1800, 1200, 7);
        config = EgoMotionConfig.defaults();
    }

    @AfterAll
    static void release() {
        scene = null;
    }

    private static List<EgoMotionFrame> measure(int frames, IntFunction<RgbImage> view) {
        List<EgoMotionFrame> result = new ArrayList<>();
        try (EgoMotionEstimator estimator = EgoMotionEstimator.create(config)) {
            for (int i = 0; i < frames; i++) {
                estimator.update(i / FPS, view.apply(i), List.of()).ifPresent(result::add);
            }
        }
        return result;
    }

    private static EgoMotionWindow wholeWindow(List<EgoMotionFrame> frames) {
        EgoMotionTimeline timeline = EgoMotionTimeline.of(frames, config);
        return timeline.windows(100).getFirst();
    }

    @Test
    void update_whenViewSlidesRight_reportsTurningRight() {
        // The view window slides right, so the scene flows left: what a camera turning right sees.
        List<EgoMotionFrame> frames = measure(8, i -> scene.view(WIDTH, HEIGHT, 900 + 12 * i, 600, 1, 0));

        assertThat(frames).hasSize(7).allSatisfy(f -> {
            assertThat(f.reliable()).isTrue();
            assertThat(f.yawRate()).isCloseTo(12.0 / WIDTH * FPS, org.assertj.core.data.Offset.offset(0.01));
        });
        EgoMotionWindow window = wholeWindow(frames);
        assertThat(window.labels()).contains(EgoMotionLabel.TURNING_RIGHT)
                .doesNotContain(EgoMotionLabel.TURNING_LEFT, EgoMotionLabel.LATERAL_SHIFT_LEFT, EgoMotionLabel.LATERAL_SHIFT_RIGHT,
                        EgoMotionLabel.MOVING_FORWARD, EgoMotionLabel.STOPPED);
    }

    @Test
    void update_whenViewSlidesLeft_reportsTurningLeft() {
        List<EgoMotionFrame> frames = measure(8, i -> scene.view(WIDTH, HEIGHT, 900 - 12 * i, 600, 1, 0));

        EgoMotionWindow window = wholeWindow(frames);
        assertThat(window.yawRate()).isNegative();
        assertThat(window.labels()).contains(EgoMotionLabel.TURNING_LEFT).doesNotContain(EgoMotionLabel.TURNING_RIGHT);
    }

    @Test
    void update_whenLowRowsShiftMoreThanHighRows_reportsLateralShiftNotTurn() {
        // Near (low) rows move left faster than far (high) rows, zero at the centre row: the parallax
        // of a camera moving right, without any rotation.
        List<EgoMotionFrame> frames = measure(8, i -> scene.view(WIDTH, HEIGHT, 900, 600, 1, 0.06 * i));

        EgoMotionWindow window = wholeWindow(frames);
        assertThat(window.lateralRate()).isPositive();
        assertThat(window.labels()).contains(EgoMotionLabel.LATERAL_SHIFT_RIGHT)
                .doesNotContain(EgoMotionLabel.LATERAL_SHIFT_LEFT, EgoMotionLabel.TURNING_LEFT, EgoMotionLabel.TURNING_RIGHT);
    }

    @Test
    void update_whenLowRowsShiftRightWhileZooming_reportsForwardAndLateralShiftLeft() {
        List<EgoMotionFrame> frames = measure(8, i -> scene.view(WIDTH, HEIGHT, 900, 600, Math.pow(1.02, i), -0.06 * i));

        EgoMotionWindow window = wholeWindow(frames);
        assertThat(window.labels()).contains(EgoMotionLabel.MOVING_FORWARD, EgoMotionLabel.LATERAL_SHIFT_LEFT)
                .doesNotContain(EgoMotionLabel.LATERAL_SHIFT_RIGHT);
    }

    @Test
    void update_whenViewZoomsIn_reportsMovingForward() {
        // 3% zoom per frame at 5 fps: expansion of about 0.15 per second.
        List<EgoMotionFrame> frames = measure(8, i -> scene.view(WIDTH, HEIGHT, 900, 600, Math.pow(1.03, i), 0));

        assertThat(frames).allSatisfy(f -> assertThat(f.forwardRate()).isBetween(0.10, 0.20));
        EgoMotionWindow window = wholeWindow(frames);
        assertThat(window.labels()).contains(EgoMotionLabel.MOVING_FORWARD)
                .doesNotContain(EgoMotionLabel.TURNING_LEFT, EgoMotionLabel.TURNING_RIGHT, EgoMotionLabel.STOPPED);
    }

    @Test
    void timeline_whenMotionBelowNoiseBetweenNeighbours_findsItOverTheBaseline() {
        // 0.2% zoom a frame: under the still threshold from one frame to the next, five times that over a second.
        List<EgoMotionFrame> frames = measure(11, i -> scene.view(WIDTH, HEIGHT, 900, 600, Math.pow(1.002, i), 0));

        assertThat(frames).allSatisfy(f -> assertThat(f.still()).isTrue());
        assertThat(frames).filteredOn(EgoMotionFrame::hasBaseline).hasSize(2)
                .allSatisfy(f -> assertThat(f.baselineStill(config)).isFalse());
        EgoMotionTimeline timeline = EgoMotionTimeline.of(frames, config);
        assertThat(timeline.windows(1.0)).allSatisfy(w -> assertThat(w.labels()).doesNotContain(EgoMotionLabel.STOPPED));
    }

    @Test
    void update_whenViewZoomsOut_reportsMovingBackward() {
        List<EgoMotionFrame> frames = measure(8, i -> scene.view(WIDTH, HEIGHT, 900, 600, Math.pow(0.97, i), 0));

        assertThat(wholeWindow(frames).labels()).contains(EgoMotionLabel.MOVING_BACKWARD).doesNotContain(EgoMotionLabel.MOVING_FORWARD);
    }

    @Test
    void update_whenFramesIdentical_reportsStoppedInShortVideo() {
        RgbImage frame = scene.view(WIDTH, HEIGHT, 900, 600, 1, 0);
        List<EgoMotionFrame> frames = measure(8, i -> frame);

        assertThat(frames).allSatisfy(f -> assertThat(f.still()).isTrue());
        EgoMotionTimeline timeline = EgoMotionTimeline.of(frames, config);
        assertThat(timeline.cameraKind()).isEqualTo(CameraKind.UNKNOWN);
        assertThat(timeline.windows(1.0)).allSatisfy(w -> assertThat(w.labels()).containsExactly(EgoMotionLabel.STOPPED));
    }

    @Test
    void timeline_whenStillForLongerThanFixedCameraSeconds_reportsStaticCamera() {
        RgbImage frame = scene.view(320, 180, 900, 600, 1, 0);
        List<EgoMotionFrame> frames = new ArrayList<>();
        try (EgoMotionEstimator estimator = EgoMotionEstimator.create(config)) {
            // Two frames a second for 25 s: enough to call the camera fixed.
            for (int i = 0; i <= 50; i++) estimator.update(i * 0.5, frame, List.of()).ifPresent(frames::add);
        }

        EgoMotionTimeline timeline = EgoMotionTimeline.of(frames, config);
        assertThat(timeline.cameraKind()).isEqualTo(CameraKind.FIXED);
        assertThat(timeline.windows(2.0)).allSatisfy(w -> assertThat(w.labels()).containsExactly(EgoMotionLabel.STATIC_CAMERA));
    }

    @Test
    void update_whenMovingObjectIsExcluded_stillReportsStopped() {
        // A large patch slides across a still background; its box is excluded from the flow.
        RgbImage background = scene.view(WIDTH, HEIGHT, 900, 600, 1, 0);
        RgbImage patchSource = scene.view(WIDTH, HEIGHT, 300, 300, 1, 0);
        List<EgoMotionFrame> frames = new ArrayList<>();
        try (EgoMotionEstimator estimator = EgoMotionEstimator.create(config)) {
            for (int i = 0; i < 8; i++) {
                int left = 100 + 30 * i;
                RgbImage frame = paste(background, patchSource, left, 100, 200, 150);
                Box box = new Box(left / (double) WIDTH, 100.0 / HEIGHT, (left + 200.0) / WIDTH, 250.0 / HEIGHT);
                estimator.update(i / FPS, frame, List.of(box)).ifPresent(frames::add);
            }
        }

        assertThat(frames).allSatisfy(f -> assertThat(f.still()).isTrue());
    }

    @Test
    void timeline_whenLargeUnmaskedObjectPassesAndLeaves_seesUnchangedViewAndStaysStopped() {
        // Something big (a hand, a bus nobody detected) sweeps across most of the frame, then is gone.
        RgbImage background = scene.view(WIDTH, HEIGHT, 900, 600, 1, 0);
        RgbImage patchSource = scene.view(WIDTH, HEIGHT, 300, 300, 1, 0);
        List<EgoMotionFrame> frames = new ArrayList<>();
        try (EgoMotionEstimator estimator = EgoMotionEstimator.create(config)) {
            for (int i = 0; i < 16; i++) {
                boolean passing = i >= 5 && i <= 9;
                RgbImage frame = passing ? paste(background, patchSource, 20 + 25 * (i - 5), 10, 500, 340) : background;
                estimator.update(i / FPS, frame, List.of()).ifPresent(frames::add);
            }
        }

        assertThat(frames).anySatisfy(f -> assertThat(f.still()).isFalse());
        assertThat(frames).filteredOn(f -> !Double.isNaN(f.viewUnchangedSince())).singleElement()
                .satisfies(f -> assertThat(f.viewUnchangedSince()).isBetween(0.8, 1.0));
        EgoMotionTimeline timeline = EgoMotionTimeline.of(frames, config);
        assertThat(timeline.windows(1.0)).allSatisfy(w -> assertThat(w.labels()).containsExactly(EgoMotionLabel.STOPPED));
    }

    @Test
    void update_whenGapInTime_skipsThePair() {
        RgbImage frame = scene.view(320, 180, 900, 600, 1, 0);
        try (EgoMotionEstimator estimator = EgoMotionEstimator.create(config)) {
            assertThat(estimator.update(0, frame, List.of())).isEmpty();
            assertThat(estimator.update(0.2, frame, List.of())).isPresent();
            assertThat(estimator.update(5.0, frame, List.of())).isEmpty();
            assertThat(estimator.update(5.2, frame, List.of())).isPresent();
        }
    }

    @Test
    void backgroundDisplacement_whenZoomingIn_pointsAwayFromCentre() {
        List<EgoMotionFrame> frames = measure(3, i -> scene.view(WIDTH, HEIGHT, 900, 600, Math.pow(1.05, i), 0));

        double[] lowerRight = frames.getLast().backgroundDisplacement(0.9, 0.9);
        double[] upperLeft = frames.getLast().backgroundDisplacement(0.1, 0.1);
        assertThat(lowerRight[0]).isPositive();
        assertThat(lowerRight[1]).isPositive();
        assertThat(upperLeft[0]).isNegative();
        assertThat(upperLeft[1]).isNegative();
        // 5% zoom moves a point 0.4 frame widths right of centre by about 0.02.
        assertThat(lowerRight[0]).isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.006));
    }

    /** Copies the top-left w x h pixels of {@code patch} onto {@code base} at (left, top). */
    private static RgbImage paste(RgbImage base, RgbImage patch, int left, int top, int w, int h) {
        byte[] pixels = base.pixels().clone();
        for (int y = 0; y < h; y++) {
            System.arraycopy(patch.pixels(), y * patch.width() * 3, pixels, ((top + y) * base.width() + left) * 3, w * 3);
        }
        return new RgbImage(base.width(), base.height(), pixels);
    }
}
