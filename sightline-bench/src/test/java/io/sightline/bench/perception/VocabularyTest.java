package io.sightline.bench.perception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void event_whenScooterCrossesLeftToRight_wantsTwoWheelerCrossingLeftToRight() {
        Expectation e = Vocabulary.event("scooter crosses in front from left to right", "crossing", 2.5, 4);

        assertThat(e.labels()).containsExactlyInAnyOrder("motorcycle", "bicycle");
        assertThat(e.motions()).containsExactly("crossing_left_to_right");
        assertThat(e.colours()).isEmpty();
    }

    @Test
    void event_whenColourPrecedesSubject_wantsThatColourAndSilverIsGrey() {
        Expectation e = Vocabulary.event("silver car cuts in from the right very close in front of the camera car", "cut_in", 1, 2.5);

        assertThat(e.labels()).containsExactlyInAnyOrder("car", "truck", "bus");
        assertThat(e.colours()).containsExactly("grey");
        assertThat(e.motions()).containsExactly("cutting_in");
        assertThat(e.close()).isTrue();
    }

    @Test
    void event_whenColourFollowsSubject_colourIsClothingAndNotWanted() {
        Expectation e = Vocabulary.event("motorcyclist in white on the right", "object", 0, 0.5);

        assertThat(e.colours()).isEmpty();
        assertThat(e.motions()).isEmpty();
    }

    @Test
    void event_whenPassingOnASide_wantsOvertakingOnThatSide() {
        assertThat(Vocabulary.event("motorcyclist passes on the right and rides ahead", "relative_motion", 0, 1).motions())
                .containsExactly("overtaking_right");
        assertThat(Vocabulary.event("grey sedan overtakes on the left", "relative_motion", 0, 1).motions())
                .containsExactly("overtaking_left");
    }

    @Test
    void event_whenHyphenatedColours_acceptsEither() {
        Expectation e = Vocabulary.event("grey-blue car and red car drive through", "presence", 15, 18);

        assertThat(e.colours()).containsExactlyInAnyOrder("grey", "blue");
        assertThat(e.motions()).doesNotContain("stationary", "unknown").contains("crossing_left_to_right", "approaching");
    }

    @Test
    void event_whenSubjectIsNoDetectorClass_isNotMeasurable() {
        Expectation e = Vocabulary.event("yellow diamond warning sign on the right shoulder", "object", 6, 8.8);

        assertThat(e.measurable()).isFalse();
        assertThat(e.unmeasured()).containsExactly("sign");
    }

    @Test
    void event_whenStopSign_isTheCocoClass() {
        Expectation e = Vocabulary.event("stop sign on the right", "object", 0, 1);

        assertThat(e.labels()).isEqualTo(Set.of("stop sign"));
        assertThat(e.unmeasured()).isEmpty();
    }

    @Test
    void ego_whenDrivingStraightWithoutLaneChange_wantsMovingStraightNone() {
        Expectation e = Vocabulary.ego("driving straight, no lane change, no turn", 0, 8.8);

        assertThat(e.cameraState()).isEqualTo("moving");
        assertThat(e.turn()).isEqualTo("straight");
        assertThat(e.laneChange()).isEqualTo("none");
    }

    @Test
    void fixedCamera_whenSceneSaysStaticCamera_wantsStaticForWholeClip() {
        assertThat(Vocabulary.fixedCamera("static elevated camera, people walking", 79.5))
                .hasValueSatisfying(e -> {
                    assertThat(e.cameraState()).isEqualTo("static");
                    assertThat(e.end()).isEqualTo(79.5);
                });
        assertThat(Vocabulary.fixedCamera("handheld walk along a sidewalk", 10)).isEmpty();
    }
}
