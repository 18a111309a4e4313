package io.sightline.engine.caption;

import io.sightline.api.Segment;
import io.sightline.api.Segment.BoxAt;
import io.sightline.api.Segment.CameraMotion;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.api.Segment.SceneInfo;
import io.sightline.api.Segment.SegmentObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a segment's caption: short sentences of what was perceived, nothing else. A value that is
 * {@code unknown} or missing is left out, never filled in. The same segment always gives the same
 * caption (objects are ordered by closeness, then track id), so captions can be indexed and diffed.
 *
 * <p>Example: "Daytime. Camera car stopped. White car approaching close ahead. Motorcycle crossing
 * left to right. Overlay: 2015/09/18 07:53:29, 54 km/h."
 */
public final class CaptionWriter {

    /** Object groups named individually; the rest is counted so captions stay short. */
    private static final int MAX_OBJECT_GROUPS = 5;
    private static final int MAX_SCENE_TEXTS = 3;
    private static final int MAX_TEXT_CHARS = 40;
    /** Closeness from which an object is called "close" (0 far, 1 at the camera). */
    static final double CLOSE = 0.6;
    /** A time-to-contact proxy below this is worth saying. */
    static final double TIME_TO_CONTACT_WORTH_SAYING = 3.0;

    public String write(Segment segment) {
        List<String> sentences = new ArrayList<>();
        scene(segment.scene(), sentences);
        camera(segment.camera(), sentences);
        objects(segment.objects(), sentences);
        texts(segment.texts(), sentences);
        return String.join(" ", sentences);
    }

    private static void scene(SceneInfo scene, List<String> out) {
        if (scene == null) return;
        String lighting = switch (known(scene.lighting())) {
            case "day" -> "Daytime.";
            case "dusk_dawn" -> "Dusk or dawn.";
            case "night" -> "Night.";
            case "tunnel" -> "Tunnel-like lighting.";
            case null, default -> null;
        };
        if (lighting != null) out.add(lighting);
        if (scene.glare()) out.add("Glare.");
    }

    private static void camera(CameraMotion camera, List<String> out) {
        if (camera == null) return;
        String state = known(camera.state());
        if ("static".equals(state)) {
            out.add("Fixed camera.");
            return;
        }
        List<String> parts = new ArrayList<>();
        if ("stopped".equals(state)) parts.add("stopped");
        if ("moving".equals(state)) parts.add("moving");
        String turn = known(camera.turn());
        if ("left".equals(turn) || "right".equals(turn)) parts.add("turning " + turn);
        String lane = known(camera.laneChange());
        if ("left".equals(lane) || "right".equals(lane)) parts.add("changing lanes to the " + lane);
        if (camera.braking()) parts.add("braking");
        if (!parts.isEmpty()) out.add("Camera car " + String.join(", ", parts) + ".");
    }

    private static void objects(List<SegmentObject> objects, List<String> out) {
        if (objects == null) return;
        if (objects.isEmpty()) {
            out.add("No objects detected.");
            return;
        }
        List<SegmentObject> salient = objects.stream()
                .sorted(Comparator.comparingDouble(SegmentObject::closeness).reversed()
                        .thenComparing(o -> o.trackId() == null ? "" : o.trackId()))
                .toList();
        Map<String, List<SegmentObject>> groups = new LinkedHashMap<>();
        for (SegmentObject object : salient) {
            groups.computeIfAbsent(describe(object, false), k -> new ArrayList<>()).add(object);
        }
        int named = 0;
        int rest = 0;
        for (List<SegmentObject> group : groups.values()) {
            if (named < MAX_OBJECT_GROUPS) {
                String phrase = group.size() == 1 ? describe(group.getFirst(), false) : group.size() + " " + describe(group.getFirst(), true);
                out.add(sentence(phrase));
                named++;
            } else {
                rest += group.size();
            }
        }
        if (rest > 0) out.add(rest + (rest == 1 ? " more object." : " more objects."));
    }

    /** "white car approaching close ahead, time to contact about 1.5 s" (or the plural). */
    private static String describe(SegmentObject object, boolean plural) {
        List<String> words = new ArrayList<>();
        String colour = known(object.color());
        String label = known(object.label());
        if (label == null) label = "object";
        // A person's measured colour is their clothing's: "person in white", never "white person".
        boolean worn = label.equals("person");
        if (colour != null && !worn) words.add(colour.replace('_', ' '));
        words.add(plural ? Plurals.of(label) : label);
        if (colour != null && worn) words.add("in " + colour.replace('_', ' '));
        String motion = MotionPhrases.of(known(object.motion()));
        if (motion != null) words.add(motion);
        if (object.closeness() >= CLOSE) words.add("close");
        // a car cutting in ends up in front of the camera, wherever its boxes were on average
        String where = "cutting_in".equals(known(object.motion())) ? "ahead" : position(object);
        if (where != null && !MotionPhrases.impliesPosition(object.motion())) words.add(where);
        String phrase = String.join(" ", words);
        Double ttc = object.timeToContactSeconds();
        if (!plural && ttc != null && ttc > 0 && ttc < TIME_TO_CONTACT_WORTH_SAYING) {
            phrase += String.format(Locale.ROOT, ", time to contact about %.1f s", ttc);
        }
        return phrase;
    }

    /** Left / ahead / right from the mean horizontal centre of the object's boxes. */
    static String position(SegmentObject object) {
        List<BoxAt> boxes = object.boxes();
        if (boxes == null || boxes.isEmpty()) return null;
        double centre = boxes.stream().mapToDouble(b -> (b.x1() + b.x2()) / 2).average().orElse(0.5);
        if (centre < 1.0 / 3) return "on the left";
        if (centre > 2.0 / 3) return "on the right";
        return "ahead";
    }

    private static void texts(List<OnScreenText> texts, List<String> out) {
        if (texts == null || texts.isEmpty()) return;
        List<OnScreenText> inTimeOrder = texts.stream().sorted(Comparator.comparingDouble(OnScreenText::t)).toList();
        String overlay = overlay(inTimeOrder);
        if (overlay != null) out.add("Overlay: " + overlay + ".");
        Set<String> sceneTexts = new LinkedHashSet<>();
        for (OnScreenText text : inTimeOrder) {
            if (!text.overlay() && text.text() != null && !text.text().isBlank() && sceneTexts.size() < MAX_SCENE_TEXTS) {
                sceneTexts.add("\"" + shorten(text.text().strip()) + "\"");
            }
        }
        if (!sceneTexts.isEmpty()) out.add("Text: " + String.join(", ", sceneTexts) + ".");
    }

    /** The first overlay read of the segment: its parsed values when there are any, else its raw text. */
    private static String overlay(List<OnScreenText> texts) {
        List<String> values = new ArrayList<>();
        for (OnScreenText text : texts) {
            if (!text.overlay() || text.parsed() == null) continue;
            Map<String, String> parsed = text.parsed();
            add(values, parsed.get("timestamp"), "%s");
            add(values, parsed.get("speed_kmh"), "%s km/h");
            if (parsed.get("lat") != null && parsed.get("lon") != null) values.add("GPS " + parsed.get("lat") + ", " + parsed.get("lon"));
            add(values, parsed.get("g_sensor"), "G-sensor %s");
            if (!values.isEmpty()) return String.join(", ", values);
        }
        return texts.stream()
                .filter(t -> t.overlay() && t.text() != null && !t.text().isBlank())
                .map(t -> shorten(t.text().strip()))
                .findFirst().orElse(null);
    }

    private static void add(List<String> values, String value, String format) {
        if (value != null && !value.isBlank()) values.add(String.format(Locale.ROOT, format, value.strip()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS - 1) + "…";
    }

    private static String sentence(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + ".";
    }

    /** The value in lower case, or null when it is missing or {@code unknown}. */
    static String known(String value) {
        if (value == null) return null;
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("unknown") ? null : v;
    }
}
