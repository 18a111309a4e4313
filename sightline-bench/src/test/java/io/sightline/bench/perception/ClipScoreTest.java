package io.sightline.bench.perception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sightline.api.Segment;
import io.sightline.api.Segment.SegmentObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipScoreTest {

    private static SegmentObject object(String track, String label, String colour, String motion) {
        return new SegmentObject(track, label, colour, 0.5, motion, 0.3, null, List.of());
    }

    /** 2 s segments; {@code objects[i]} are the objects of segment i. */
    @SafeVarargs
    private static List<Segment> segments(List<SegmentObject>... objects) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            segments.add(new Segment("v", i, 2 * i, 2 * i + 2, "", objects[i], List.of(), null, null));
        }
        return segments;
    }

    @Test
    void score_whenCrossingPerceivedInTheLabelledSegments_foundWithTemporalIou() {
        List<Segment> segments = segments(List.of(), List.of(object("1", "motorcycle", "red", "crossing_left_to_right")),
                List.of(object("1", "motorcycle", "red", "crossing_left_to_right")), List.of());
        Expectation item = Vocabulary.event("red scooter crosses from left to right", "crossing", 3, 5);

        ClipScore score = ClipScore.score(segments, List.of(item), 8);

        assertThat(score.found()).isEqualTo(1);
        assertThat(score.colourRight()).isEqualTo(1);
        // truth 3-5 against perceived 2-6: 2 / 4
        assertThat(score.items().getFirst().iou()).isCloseTo(0.5, within(1e-9));
        assertThat(score.falseAlarms()).isZero();
        assertThat(score.events()).singleElement().satisfies(e -> {
            assertThat(e.event().start()).isEqualTo(2);
            assertThat(e.event().end()).isEqualTo(6);
        });
    }

    @Test
    void score_whenMotionDiffersOrTooEarly_missedAndEventIsFalseAlarm() {
        List<Segment> segments = segments(List.of(object("1", "motorcycle", "red", "crossing_right_to_left")), List.of(), List.of(),
                List.of(object("2", "motorcycle", "red", "crossing_left_to_right")));
        Expectation item = Vocabulary.event("scooter crosses from left to right", "crossing", 2, 3.5);

        ClipScore score = ClipScore.score(segments, List.of(item), 8);

        assertThat(score.found()).isZero();
        assertThat(score.items().getFirst().iou()).isZero();
        assertThat(score.falseAlarms()).isEqualTo(2);
    }

    @Test
    void score_whenColourWrong_foundButColourNotRight() {
        List<Segment> segments = segments(List.of(object("1", "car", "white", "overtaking_left")));
        Expectation item = Vocabulary.event("grey sedan overtakes on the left", "relative_motion", 0, 2);

        ClipScore score = ClipScore.score(segments, List.of(item), 2);

        assertThat(score.found()).isEqualTo(1);
        assertThat(score.colourRight()).isZero();
    }

    @Test
    void events_whenTrackChangesMotion_startsANewEvent() {
        List<Segment> segments = segments(List.of(object("1", "car", "red", "overtaking_left")),
                List.of(object("1", "car", "red", "overtaking_left")), List.of(object("1", "car", "red", "cutting_in")));

        assertThat(ClipScore.events(segments)).extracting(PerceivedEvent::motion, PerceivedEvent::start, PerceivedEvent::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("overtaking_left", 0.0, 4.0),
                        org.assertj.core.groups.Tuple.tuple("cutting_in", 4.0, 6.0));
    }

    @Test
    void iou_whenRunCoversMoreThanTruth_penalisesTheExcess() {
        assertThat(ClipScore.iou(8, 14, List.of(new double[] {6, 20}))).isCloseTo(6.0 / 14, within(1e-9));
    }

    @Test
    void wordRuns_whenRowJoinsTwoOverlays_offersEachPart() {
        assertThat(OverlayScore.wordRuns("2015-08-21 08:10:31 006km/h DR650GW-2CH/FHD-HD"))
                .contains("2015-08-21 08:10:31 006km/h", "DR650GW-2CH/FHD-HD");
    }
}
