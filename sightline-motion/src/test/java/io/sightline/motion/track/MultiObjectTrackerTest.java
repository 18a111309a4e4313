package io.sightline.motion.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.motion.ego.EgoMotionFrame;
import io.sightline.motion.ego.FlowModel;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.image.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiObjectTrackerTest {
    private static final double FPS = 5;

    private static ObservedDetection detection(String label, double score, double x1, double y1, double x2, double y2) {
        return ObservedDetection.of(new Detection(label, 0, score, new Box(x1, y1, x2, y2)));
    }

    private static ObservedDetection centred(String label, double score, double cx, double bottom, double w, double h) {
        return detection(label, score, cx - w / 2, bottom - h, cx + w / 2, bottom);
    }

    /** A camera standing still: what the ego-motion estimator reports for identical frames. */
    private static EgoMotionFrame still(double start, double end) {
        return new EgoMotionFrame(start, end, 0.5625, 300, 300, 0, true, true, 0, 0, 0, 0, 0, FlowModel.IDENTITY, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void update_whenBoxMovesLeftToRight_givesOneTrackCrossingLeftToRight() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 15; i++) {
            tracker.update(i / FPS, List.of(centred("person", 0.6, 0.1 + 0.05 * i, 0.7, 0.06, 0.2)));
        }

        List<Track> tracks = tracker.tracks();
        assertThat(tracks).hasSize(1);
        TrackMotion motion = tracks.getFirst().motion();
        assertThat(motion.labels()).contains(RelativeMotion.CROSSING_LEFT_TO_RIGHT)
                .doesNotContain(RelativeMotion.CROSSING_RIGHT_TO_LEFT, RelativeMotion.STATIONARY, RelativeMotion.APPROACHING);
        MotionFinding finding = motion.findings().stream().filter(f -> f.motion() == RelativeMotion.CROSSING_LEFT_TO_RIGHT).findFirst().orElseThrow();
        assertThat(finding.evidence().get("sceneCentreXVelocity")).isCloseTo(0.25, within(0.01));
        assertThat(tracks.getFirst().firstSeen()).isEqualTo(0.0);
        assertThat(tracks.getFirst().lastSeen()).isCloseTo(14 / FPS, within(1e-9));
        assertThat(tracks.getFirst().path()).hasSize(15);
    }

    @Test
    void update_whenBoxMovesRightToLeftInBigJumpsAtTwoFps_keepsOneTrackCrossingRightToLeft() {
        // At 2 fps the box moves 1.3 of its widths between frames: no overlap at all from frame to frame.
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 7; i++) {
            tracker.update(i / 2.0, List.of(centred("motorcycle", 0.5, 0.85 - 0.104 * i, 0.75, 0.08, 0.15)));
        }

        assertThat(tracker.tracks()).singleElement()
                .satisfies(t -> assertThat(t.motion().labels()).contains(RelativeMotion.CROSSING_RIGHT_TO_LEFT));
    }

    @Test
    void update_whenBoxGrowsAndMovesDown_isApproachingWithFiniteTimeToContact() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double h = 0.1 * Math.pow(1.08, i);
            tracker.update(i / FPS, List.of(centred("car", 0.7, 0.5, 0.6 + 0.015 * i, h * 1.3, h)));
        }

        TrackMotion motion = tracker.tracks().getFirst().motion();
        assertThat(motion.labels()).contains(RelativeMotion.APPROACHING).doesNotContain(RelativeMotion.RECEDING);
        // Height grows 8% a frame at 5 fps: d ln h / dt = 5 ln 1.08 = 0.385/s, time to contact 2.6 s.
        assertThat(motion.timeToContact()).isCloseTo(1 / (FPS * Math.log(1.08)), within(0.05));
        assertThat(motion.kinematics().growthRate()).isCloseTo(FPS * Math.log(1.08), within(0.01));
    }

    @Test
    void update_whenBoxShrinksAndRises_isRecedingWithoutTimeToContact() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double h = 0.3 * Math.pow(0.92, i);
            tracker.update(i / FPS, List.of(centred("car", 0.7, 0.5, 0.8 - 0.01 * i, h * 1.3, h)));
        }

        TrackMotion motion = tracker.tracks().getFirst().motion();
        assertThat(motion.labels()).contains(RelativeMotion.RECEDING).doesNotContain(RelativeMotion.APPROACHING);
        assertThat(motion.timeToContact()).isInfinite();
    }

    @Test
    void update_whenTwoBoxesCrossEachOther_keepTheirIds() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 15; i++) {
            double t = i / FPS;
            // Two people walking towards each other, one a little further away (smaller, higher).
            tracker.update(t, List.of(
                    centred("person", 0.7, 0.15 + 0.05 * i, 0.80, 0.07, 0.25),
                    centred("person", 0.6, 0.85 - 0.05 * i, 0.76, 0.06, 0.21)));
        }

        List<Track> tracks = tracker.tracks();
        assertThat(tracks).hasSize(2);
        for (Track track : tracks) {
            assertThat(track.path()).hasSize(15);
            // Each track must follow one box all the way: its size never switches.
            double firstHeight = track.path().getFirst().box().height();
            assertThat(track.path()).allSatisfy(p -> assertThat(p.box().height()).isCloseTo(firstHeight, within(1e-9)));
        }
        Track fromLeft = tracks.stream().filter(t -> t.path().getFirst().box().centerX() < 0.5).findFirst().orElseThrow();
        Track fromRight = tracks.stream().filter(t -> t.path().getFirst().box().centerX() > 0.5).findFirst().orElseThrow();
        assertThat(fromLeft.motion().labels()).contains(RelativeMotion.CROSSING_LEFT_TO_RIGHT);
        assertThat(fromRight.motion().labels()).contains(RelativeMotion.CROSSING_RIGHT_TO_LEFT);
    }

    @Test
    void update_whenDetectionScoreDipsLow_keepsTrackAliveThroughSecondAssociation() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double score = i >= 4 && i <= 6 ? 0.2 : 0.6; // occluded for three frames
            tracker.update(i / FPS, List.of(centred("car", score, 0.3 + 0.01 * i, 0.7, 0.12, 0.1)));
        }

        assertThat(tracker.tracks()).singleElement().satisfies(t -> assertThat(t.path()).hasSize(10));
    }

    @Test
    void update_whenDetectionSeenOnce_createsNoTrack() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        tracker.update(0, List.of(centred("car", 0.8, 0.5, 0.7, 0.1, 0.1)));
        tracker.update(0.2, List.of());
        tracker.update(0.4, List.of());

        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void update_whenObjectMissingLongerThanMaxMisses_endsTrackAndStartsNewId() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        double t = 0;
        for (int i = 0; i < 3; i++, t += 0.2) tracker.update(t, List.of(centred("car", 0.8, 0.5, 0.7, 0.1, 0.1)));
        for (int i = 0; i < TrackerConfig.defaults().maxMisses() + 1; i++, t += 0.2) tracker.update(t, List.of());
        for (int i = 0; i < 3; i++, t += 0.2) tracker.update(t, List.of(centred("car", 0.8, 0.5, 0.7, 0.1, 0.1)));

        List<Track> tracks = tracker.tracks();
        assertThat(tracks).extracting(Track::id).containsExactly(1, 2);
        assertThat(tracks.get(0).active()).isFalse();
        assertThat(tracks.get(1).active()).isTrue();
    }

    @Test
    void tracks_whenClassFlipsAndColoursGiven_votesMajority() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        String[] labels = {"car", "truck", "car", "car", "truck", "car"};
        String[] colours = {"red", "red", "black", "red", "red", "red"};
        for (int i = 0; i < labels.length; i++) {
            Detection d = new Detection(labels[i], 0, 0.6, new Box(0.4, 0.5, 0.5, 0.6));
            tracker.update(i / FPS, List.of(ObservedDetection.withColour(d, colours[i])));
        }

        Track track = tracker.tracks().getFirst();
        assertThat(track.label()).isEqualTo("car");
        assertThat(track.colour()).contains("red");
    }

    @Test
    void update_whenVehicleAppearsAtLeftAndPullsAhead_isOvertakingLeft() {
        // A car enters large at the left edge (beside the camera car) and shrinks towards the centre ahead.
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double h = 0.4 * Math.pow(0.88, i);
            double x1 = i == 0 ? 0.0 : 0.03 * i;
            tracker.update(i / FPS, List.of(detection("car", 0.6, x1, 0.85 - 0.03 * i - h, x1 + h * 1.4, 0.85 - 0.03 * i)));
        }

        TrackMotion motion = tracker.tracks().getFirst().motion();
        assertThat(motion.labels()).contains(RelativeMotion.OVERTAKING_LEFT, RelativeMotion.RECEDING)
                .doesNotContain(RelativeMotion.OVERTAKING_RIGHT, RelativeMotion.CROSSING_LEFT_TO_RIGHT);
    }

    @Test
    void update_whenVehicleMovesFromRightLaneIntoCentreClose_isCuttingIn() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double cx = Math.max(0.5, 0.85 - 0.06 * i);
            tracker.update(i / FPS, List.of(centred("car", 0.6, cx, 0.8, 0.25, 0.2)));
        }

        TrackMotion motion = tracker.tracks().getFirst().motion();
        assertThat(motion.labels()).contains(RelativeMotion.CUTTING_IN_AHEAD)
                .doesNotContain(RelativeMotion.CROSSING_RIGHT_TO_LEFT, RelativeMotion.CROSSING_LEFT_TO_RIGHT);
        assertThat(motion.proximity()).isEqualTo(Proximity.MEDIUM);
    }

    @Test
    void update_whenPersonMovesIntoCentre_isNotCuttingIn() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double cx = Math.max(0.5, 0.85 - 0.06 * i);
            tracker.update(i / FPS, List.of(centred("person", 0.6, cx, 0.8, 0.08, 0.25)));
        }

        assertThat(tracker.tracks().getFirst().motion().labels()).doesNotContain(RelativeMotion.CUTTING_IN_AHEAD);
    }

    @Test
    void update_whenBoxStillAndCameraStill_isStationary() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 10; i++) {
            double jitter = (i % 2 == 0 ? 1 : -1) * 0.002;
            EgoMotionFrame ego = i == 0 ? null : still((i - 1) / FPS, i / FPS);
            List<ObservedDetection> detections = List.of(centred("car", 0.7, 0.3 + jitter, 0.7, 0.15, 0.1));
            if (ego == null) tracker.update(i / FPS, detections); else tracker.update(i / FPS, detections, ego);
        }

        TrackMotion motion = tracker.tracks().getFirst().motion();
        assertThat(motion.labels()).containsExactly(RelativeMotion.STATIONARY);
        MotionFinding finding = motion.findings().getFirst();
        assertThat(finding.evidence()).containsEntry("cameraMoving", 0.0).containsEntry("egoCoverage", 1.0);
    }

    @Test
    void update_whenBoxMovesExactlyWithTurningBackground_isStationaryNotCrossing() {
        // The camera turns left: the background shifts right by 0.04 frame widths a frame, and so does the box.
        MultiObjectTracker tracker = MultiObjectTracker.create();
        FlowModel shift = new FlowModel(0.04, 0, 0, 0, 0, 0);
        for (int i = 0; i < 10; i++) {
            List<ObservedDetection> detections = List.of(centred("car", 0.7, 0.2 + 0.04 * i, 0.7, 0.1, 0.08));
            if (i == 0) {
                tracker.update(0, detections);
            } else {
                EgoMotionFrame ego = new EgoMotionFrame((i - 1) / FPS, i / FPS, 0.5625, 300, 300, 0.04, false, true,
                        0, -0.04 * FPS, 0, 0, 0, shift, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                tracker.update(i / FPS, detections, ego);
            }
        }

        TrackMotion motion = tracker.tracks().getFirst().motion();
        assertThat(motion.kinematics().centreXVelocity()).isCloseTo(0.2, within(1e-6));
        assertThat(motion.kinematics().sceneCentreXVelocity()).isCloseTo(0, within(1e-6));
        assertThat(motion.labels()).contains(RelativeMotion.STATIONARY).doesNotContain(RelativeMotion.CROSSING_LEFT_TO_RIGHT);
    }

    @Test
    void motionBetween_whenObjectStopsHalfway_differsPerSpan() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        for (int i = 0; i < 20; i++) {
            double cx = Math.min(0.1 + 0.05 * i, 0.55);
            tracker.update(i / FPS, List.of(centred("person", 0.7, cx, 0.7, 0.06, 0.2)));
        }
        Track track = tracker.tracks().getFirst();

        assertThat(track.motionBetween(0, 1.8).orElseThrow().labels()).contains(RelativeMotion.CROSSING_LEFT_TO_RIGHT);
        assertThat(track.motionBetween(2.0, 3.8).orElseThrow().labels()).containsExactly(RelativeMotion.STATIONARY);
        assertThat(track.motionBetween(10, 12)).isEmpty();
    }

    @Test
    void matchSimilarity_whenNoOverlapButClose_isBelowOverlapButPositive() {
        Box a = new Box(0.10, 0.5, 0.20, 0.7);
        Box b = new Box(0.22, 0.5, 0.32, 0.7);
        Box far = new Box(0.70, 0.5, 0.80, 0.7);
        Box tiny = new Box(0.22, 0.65, 0.24, 0.7);

        assertThat(MultiObjectTracker.matchSimilarity(a, b, 1.0)).isBetween(0.05, 0.5);
        assertThat(MultiObjectTracker.matchSimilarity(a, far, 1.0)).isZero();
        assertThat(MultiObjectTracker.matchSimilarity(a, tiny, 1.0)).isZero();
        assertThat(MultiObjectTracker.matchSimilarity(a, a, 1.0)).isEqualTo(1.0);
    }

    @Test
    void update_whenTimeDoesNotIncrease_throws() {
        MultiObjectTracker tracker = MultiObjectTracker.create();
        tracker.update(1.0, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tracker.update(1.0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
