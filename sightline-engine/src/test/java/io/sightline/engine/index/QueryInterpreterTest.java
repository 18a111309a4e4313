package io.sightline.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryInterpreterTest {

    private final QueryInterpreter interpreter = new QueryInterpreter();

    @Test
    void interpret_whenScooterCrossing_mapsToMotorcycleWithDirection() {
        var meaning = interpreter.interpret("Scooter crossing left to right");

        assertThat(meaning.objects()).containsExactly(new ObjectConcept(Set.of("motorcycle"), null, Set.of("crossing_left_to_right")));
        assertThat(meaning.rankingText()).isEqualTo("scooter motorcycle crossing left to right");
        assertThat(meaning.unsupported()).isEmpty();
    }

    @Test
    void interpret_whenLorryCuttingInAtNight_givesTruckCuttingInAndNightLighting() {
        var meaning = interpreter.interpret("lorry cutting in at night");

        assertThat(meaning.objects()).containsExactly(new ObjectConcept(Set.of("truck"), null, Set.of("cutting_in")));
        assertThat(meaning.lighting()).containsExactly("night");
    }

    @Test
    void interpret_whenTwoObjectsJoinedByAnd_keepsThemApart() {
        var meaning = interpreter.interpret("white car and a person crossing");

        assertThat(meaning.objects()).containsExactly(
                new ObjectConcept(Set.of("car"), "white", Set.of()),
                new ObjectConcept(Set.of("person"), null, Set.of("crossing_left_to_right", "crossing_right_to_left")));
    }

    @Test
    void interpret_whenColourFollowsAnObject_startsANewObject() {
        var meaning = interpreter.interpret("car approaching silver suv");

        assertThat(meaning.objects()).containsExactly(
                new ObjectConcept(Set.of("car"), null, Set.of("approaching")),
                new ObjectConcept(Set.of("car"), "grey", Set.of()));
    }

    @Test
    void interpret_whenCameraManoeuvres_givesEgoFilters() {
        var meaning = interpreter.interpret("turning left while braking, then lane change to the right");

        assertThat(meaning.objects()).isEmpty();
        assertThat(meaning.turns()).containsExactly("left");
        assertThat(meaning.laneChanges()).containsExactly("right");
        assertThat(meaning.braking()).isTrue();
    }

    @Test
    void interpret_whenStoppedNextToAnObject_isTheObjectsMotion() {
        assertThat(interpreter.interpret("stopped truck").objects())
                .containsExactly(new ObjectConcept(Set.of("truck"), null, Set.of("stationary")));
        assertThat(interpreter.interpret("bus stopped").objects())
                .containsExactly(new ObjectConcept(Set.of("bus"), null, Set.of("stationary")));
        assertThat(interpreter.interpret("bus stopped").cameraStates()).isEmpty();
    }

    @Test
    void interpret_whenCameraIsTheSubject_stoppedIsTheCameraState() {
        var meaning = interpreter.interpret("we stopped and a cyclist overtaking on the left");

        assertThat(meaning.cameraStates()).containsExactly("stopped");
        assertThat(meaning.objects()).containsExactly(new ObjectConcept(Set.of("bicycle"), null, Set.of("overtaking_left")));
    }

    @Test
    void interpret_whenAskingForWeatherOrLightState_listsThemUnsupported() {
        var meaning = interpreter.interpret("traffic light turns red while raining");

        assertThat(meaning.unsupported()).containsExactly("turns red", "raining");
        assertThat(meaning.objects()).containsExactly(new ObjectConcept(Set.of("traffic light"), null, Set.of()));
        assertThat(meaning.rankingText()).contains("raining");
    }

    @Test
    void interpret_whenUnknownWords_keepsThemForRanking() {
        var meaning = interpreter.interpret("Sunset Boulevard 54 km/h");

        assertThat(meaning.lighting()).containsExactly("dusk_dawn");
        assertThat(meaning.rankingText()).isEqualTo("sunset dusk boulevard 54 km/h");
        assertThat(meaning.objects()).isEmpty();
    }

    @Test
    void interpret_whenBlank_hasNoFilters() {
        var meaning = interpreter.interpret("   ");

        assertThat(meaning.hasFilters()).isFalse();
        assertThat(meaning.rankingText()).isEmpty();
    }

    @Test
    void interpret_whenVehicle_acceptsAnyRoadVehicleClass() {
        assertThat(interpreter.interpret("red vehicle receding").objects())
                .containsExactly(new ObjectConcept(Set.of("car", "truck", "bus", "motorcycle"), "red", Set.of("receding")));
    }
}
