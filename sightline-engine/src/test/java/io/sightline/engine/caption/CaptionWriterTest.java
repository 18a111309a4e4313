package io.sightline.engine.caption;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.api.Segment;
import io.sightline.api.Segment.BoxAt;
import io.sightline.api.Segment.CameraMotion;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.api.Segment.SceneInfo;
import io.sightline.api.Segment.SegmentObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptionWriterTest {

    private final CaptionWriter writer = new CaptionWriter();

    private static SegmentObject object(String id, String label, String colour, String motion, double closeness, double centreX) {
        return new SegmentObject(id, label, colour, 0.8, motion, closeness, null,
                List.of(new BoxAt(0.5, centreX - 0.05, 0.4, centreX + 0.05, 0.6)));
    }

    private static Segment segment(List<SegmentObject> objects, List<OnScreenText> texts, CameraMotion camera, SceneInfo scene) {
        return new Segment("v1", 0, 0, 2, null, objects, texts, camera, scene);
    }

    private static SceneInfo scene(String lighting) {
        return new SceneInfo(lighting, false, 0.5, 100, 0.3);
    }

    @Test
    void write_whenDashcamSegment_statesPerceivedFactsInOrder() {
        Segment segment = segment(
                List.of(object("t2", "motorcycle", "unknown", "crossing_left_to_right", 0.3, 0.4),
                        object("t1", "car", "white", "approaching", 0.7, 0.5)),
                List.of(new OnScreenText("2015/09/18 07:53:29 54km/h", true, 0.5, 0, 0.9, 0.5, 1,
                        Map.of("timestamp", "2015/09/18 07:53:29", "speed_kmh", "54"))),
                new CameraMotion("stopped", "straight", "none", false, 0.0),
                scene("day"));

        assertThat(writer.write(segment)).isEqualTo(
                "Daytime. Camera car stopped. White car approaching close ahead. Motorcycle crossing left to right. "
                        + "Overlay: 2015/09/18 07:53:29, 54 km/h.");
    }

    @Test
    void write_whenEverythingUnknown_mentionsNothingGuessed() {
        Segment segment = segment(
                List.of(object("t1", "unknown", "unknown", "unknown", 0.1, 0.5)),
                List.of(),
                new CameraMotion("unknown", "unknown", "unknown", false, 0.0),
                scene("unknown"));

        assertThat(writer.write(segment)).isEqualTo("Object ahead.");
    }

    @Test
    void write_whenPersonHasAColour_saysWhatTheyWear() {
        String caption = writer.write(segment(List.of(object("p", "person", "white", "unknown", 0.2, 0.5)), null, null, null));
        assertThat(caption).contains("Person in white").doesNotContainIgnoringCase("white person");
    }

    @Test
    void write_whenPartsMissing_leavesThemOut() {
        assertThat(writer.write(segment(null, null, null, null))).isEmpty();
    }

    @Test
    void write_whenNoObjectsDetected_saysSo() {
        assertThat(writer.write(segment(List.of(), null, null, scene("night")))).isEqualTo("Night. No objects detected.");
    }

    @Test
    void write_whenSameInputsInAnotherOrder_givesSameCaption() {
        var a = object("a", "car", "red", "stationary", 0.2, 0.1);
        var b = object("b", "truck", "blue", "receding", 0.2, 0.9);
        var c = object("c", "person", null, "crossing_right_to_left", 0.5, 0.5);

        String one = writer.write(segment(List.of(a, b, c), null, null, null));
        String other = writer.write(segment(List.of(c, b, a), null, null, null));

        assertThat(one).isEqualTo(other)
                .isEqualTo("Person crossing right to left. Red car stationary on the left. Blue truck moving away on the right.");
    }

    @Test
    void write_whenIdenticalObjects_groupsThemWithAPlural() {
        var objects = List.of(object("a", "person", null, "stationary", 0.1, 0.9), object("b", "person", null, "stationary", 0.1, 0.8),
                object("c", "bus", "yellow", "approaching", 0.1, 0.5), object("d", "bus", "yellow", "approaching", 0.1, 0.5));

        assertThat(writer.write(segment(objects, null, null, null)))
                .isEqualTo("2 people stationary on the right. 2 yellow buses approaching ahead.");
    }

    @Test
    void write_whenManyObjectGroups_countsTheRest() {
        List<SegmentObject> objects = new ArrayList<>();
        String[] labels = {"car", "truck", "bus", "person", "bicycle", "motorcycle", "dog"};
        for (int i = 0; i < labels.length; i++) objects.add(object("t" + i, labels[i], null, "unknown", 0.9 - i * 0.1, 0.5));

        String caption = writer.write(segment(objects, null, null, null));

        assertThat(caption).startsWith("Car close ahead. Truck close ahead.").endsWith("Bicycle ahead. 2 more objects.")
                .doesNotContain("Dog");
    }

    @Test
    void write_whenCameraTurnsAndBrakes_describesEgoMotion() {
        var camera = new CameraMotion("moving", "left", "right", true, 0.4);

        assertThat(writer.write(segment(null, null, camera, scene("dusk_dawn"))))
                .isEqualTo("Dusk or dawn. Camera car moving, turning left, changing lanes to the right, braking.");
    }

    @Test
    void write_whenStaticCamera_saysFixedCamera() {
        var camera = new CameraMotion("static", "unknown", "unknown", false, 0);

        assertThat(writer.write(segment(null, null, camera, new SceneInfo("tunnel", true, 0.1, 10, 0.1))))
                .isEqualTo("Tunnel-like lighting. Glare. Fixed camera.");
    }

    @Test
    void write_whenCloseObjectApproachesFast_givesTimeToContact() {
        var object = new SegmentObject("t1", "car", "black", 0.9, "cutting_in", 0.8, 1.46,
                List.of(new BoxAt(1, 0.1, 0.5, 0.4, 0.9)));

        assertThat(writer.write(segment(List.of(object), null, null, null)))
                .isEqualTo("Black car cutting in close ahead, time to contact about 1.5 s.");
    }

    @Test
    void write_whenOverlayUnparsedAndSceneText_quotesTheText() {
        var texts = List.of(
                new OnScreenText("STOP", false, 1.0, 0.4, 0.4, 0.5, 0.5, Map.of()),
                new OnScreenText("CAM 3 LOBBY", true, 0.5, 0, 0, 0.3, 0.05, Map.of()),
                new OnScreenText("STOP", false, 1.5, 0.4, 0.4, 0.5, 0.5, Map.of()));

        assertThat(writer.write(segment(null, texts, null, null))).isEqualTo("Overlay: CAM 3 LOBBY. Text: \"STOP\".");
    }

    @Test
    void write_whenOverlayHasGps_givesCoordinates() {
        var texts = List.of(new OnScreenText("N37.7749 W122.4194", true, 0.5, 0, 0.9, 0.5, 1,
                Map.of("lat", "37.7749", "lon", "-122.4194")));

        assertThat(writer.write(segment(null, texts, null, null))).isEqualTo("Overlay: GPS 37.7749, -122.4194.");
    }
}
