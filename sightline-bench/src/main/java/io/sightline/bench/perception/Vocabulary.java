package io.sightline.bench.perception;

import io.sightline.detector.CocoLabels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mapping from the wording of {@code ground-truth.json} to segment fields. It is the same for
 * every clip and knows no clip; a word it does not know asks for nothing.
 *
 * <ul>
 *   <li><b>Subject</b>: the first class word of the label. Any COCO class name (and its plural) is
 *       itself; car, sedan, SUV, van, taxi, pickup, truck, lorry, bus, minibus, vehicle accept
 *       {@code car}, {@code truck} or {@code bus} (the detector mixes them up; the detector benchmark
 *       counts them alike too); scooter, motorcycle, motorcyclist, moped, cyclist, bicycle, bike accept
 *       {@code motorcycle} or {@code bicycle}; person, pedestrian, people, man, woman, child accept
 *       {@code person}. A rider found only as a {@code person} does not count for a two-wheeler.</li>
 *   <li><b>Colour</b>: colour words among the two words before the subject ("silver car", "grey-blue car");
 *       silver and gray are {@code grey}. Colours after the subject ("motorcyclist in white") are clothing.</li>
 *   <li><b>Motion</b>, first rule that applies: "left to right" / "right to left" → that crossing;
 *       cross(es/ing) → either crossing; cut(s/ting) in or kind {@code cut_in} → {@code cutting_in};
 *       overtake(s/ing) or pass(es) on the left/right → that overtaking (either without a side);
 *       pulling/pulls ahead or away, moving away → {@code receding} or an overtaking; approaching, oncoming →
 *       {@code approaching}; walking, driving, drives through, rides, moving, pass(es) → any motion but
 *       stationary and unknown; parked, stationary, stopped → {@code stationary}; kind {@code crossing}
 *       without such words → either crossing. No rule: any motion.</li>
 *   <li><b>Close</b>: "close" → closeness at least 0.6.</li>
 *   <li><b>Camera</b> (the {@code ego} entries, and "static/fixed ... camera" in the scene for the whole clip):
 *       stopped → {@code stopped}; static, fixed → {@code static}; driving, moving, forward, creeping → {@code moving};
 *       "no turn", straight → turn {@code straight}; turning left/right → that turn; "no lane change" →
 *       lane change {@code none}; lane change left/right → that side.</li>
 *   <li>Collisions, near misses, signs other than stop signs and another vehicle's braking have no field:
 *       they are listed as unmeasured; a collision item is scored on its subject being there.</li>
 * </ul>
 */
final class Vocabulary {
    private static final Set<String> VEHICLE = Set.of("car", "truck", "bus");
    private static final Set<String> TWO_WHEELER = Set.of("motorcycle", "bicycle");
    private static final Set<String> MOVING = Set.of("approaching", "receding", "crossing_left_to_right", "crossing_right_to_left",
            "overtaking_left", "overtaking_right", "cutting_in");
    private static final Set<String> CROSSING = Set.of("crossing_left_to_right", "crossing_right_to_left");
    private static final Set<String> OVERTAKING = Set.of("overtaking_left", "overtaking_right");
    private static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("white", "white"), Map.entry("black", "black"),
            Map.entry("grey", "grey"), Map.entry("gray", "grey"), Map.entry("silver", "grey"), Map.entry("red", "red"),
            Map.entry("orange", "orange"), Map.entry("yellow", "yellow"), Map.entry("green", "green"), Map.entry("blue", "blue"),
            Map.entry("purple", "purple"), Map.entry("pink", "pink"), Map.entry("brown", "brown"));
    private static final Map<String, Set<String>> CLASSES = classes();
    private static final List<String> UNMEASURED = List.of("collision", "crash", "near miss", "accident", "brakes", "braking", "sign");
    private static final Pattern FIXED_CAMERA = Pattern.compile("\\b(static|fixed)\\b(\\s+\\w+){0,2}\\s+camera\\b");

    private Vocabulary() {}

    private static Map<String, Set<String>> classes() {
        Map<String, Set<String>> table = new HashMap<>();
        for (String label : CocoLabels.all()) {
            table.put(label, Set.of(label));
            table.put(label + "s", Set.of(label));
        }
        for (String w : List.of("car", "cars", "sedan", "sedans", "suv", "suvs", "van", "vans", "minivan", "taxi", "taxis",
                "hatchback", "pickup", "pickups", "truck", "trucks", "lorry", "lorries", "bus", "buses", "minibus", "vehicle", "vehicles")) {
            table.put(w, VEHICLE);
        }
        for (String w : List.of("scooter", "scooters", "motorcycle", "motorcycles", "motorcyclist", "motorcyclists", "motorbike",
                "motorbikes", "moped", "mopeds", "cyclist", "cyclists", "bicycle", "bicycles", "bicyclist", "bike", "bikes")) {
            table.put(w, TWO_WHEELER);
        }
        for (String w : List.of("person", "persons", "people", "pedestrian", "pedestrians", "man", "men", "woman", "women", "child", "children")) {
            table.put(w, Set.of("person"));
        }
        COLOURS.keySet().forEach(table::remove); // "orange" is a colour here, not the fruit
        return Map.copyOf(table);
    }

    /** An entry of a clip's {@code events}. */
    static Expectation event(String label, String kind, double start, double end) {
        List<String> words = words(label);
        String text = " " + String.join(" ", words) + " ";
        Set<String> labels = Set.of();
        Set<String> colours = new LinkedHashSet<>();
        for (int i = 0; i < words.size() && labels.isEmpty(); i++) {
            Set<String> two = i + 1 < words.size() ? CLASSES.get(words.get(i) + " " + words.get(i + 1)) : null;
            Set<String> one = CLASSES.get(words.get(i));
            if (two == null && one == null) continue;
            labels = two != null ? two : one;
            for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
                String colour = COLOURS.get(words.get(j));
                if (colour != null) colours.add(colour);
            }
        }
        List<String> unmeasured = UNMEASURED.stream().filter(w -> text.contains(" " + w + " ")).toList();
        if (text.contains(" stop sign ") || text.contains(" stop signs ")) unmeasured = unmeasured.stream().filter(w -> !w.equals("sign")).toList();
        return new Expectation(label, kind, start, end, labels, colours, motions(words, text, kind), text.contains(" close "),
                null, null, null, unmeasured);
    }

    private static Set<String> motions(List<String> words, String text, String kind) {
        if (text.contains(" left to right ")) return Set.of("crossing_left_to_right");
        if (text.contains(" right to left ")) return Set.of("crossing_right_to_left");
        if (any(text, "cross", "crosses", "crossing", "crossed")) return CROSSING;
        if (any(text, "cut in", "cuts in", "cutting in") || "cut_in".equals(kind)) return Set.of("cutting_in");
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean overtake = w.startsWith("overt");
            boolean passOnSide = w.startsWith("pass") && i + 3 < words.size() && words.get(i + 1).equals("on") && words.get(i + 2).equals("the");
            if (!overtake && !passOnSide) continue;
            for (int j = i + 1; j < Math.min(words.size(), i + 5); j++) {
                if (words.get(j).equals("left")) return Set.of("overtaking_left");
                if (words.get(j).equals("right")) return Set.of("overtaking_right");
            }
            return OVERTAKING;
        }
        if (any(text, "pulling ahead", "pulls ahead", "pulling away", "pulls away", "moving away")) {
            return Set.of("receding", "overtaking_left", "overtaking_right");
        }
        if (any(text, "approaching", "approaches", "oncoming")) return Set.of("approaching");
        if (any(text, "walking", "walks", "driving", "drives", "drive", "rides", "riding", "moving", "moves", "pass", "passes", "passing")) {
            return MOVING;
        }
        if (any(text, "parked", "stationary", "stopped")) return Set.of("stationary");
        if ("crossing".equals(kind)) return CROSSING;
        return Set.of();
    }

    /** An entry of a clip's {@code ego} list: what the camera car did. */
    static Expectation ego(String motion, double start, double end) {
        String text = " " + String.join(" ", words(motion)) + " ";
        String state = any(text, "stopped", "stationary", "standing") ? "stopped"
                : any(text, "static", "fixed") ? "static"
                : any(text, "driving", "moving", "forward", "creeping", "rolling") ? "moving" : null;
        String turn = any(text, "no turn", "straight") ? "straight"
                : any(text, "turning left", "turns left", "left turn") ? "left"
                : any(text, "turning right", "turns right", "right turn") ? "right" : null;
        String laneChange = any(text, "no lane change") ? "none"
                : any(text, "lane change left", "lane change to the left", "changes lanes to the left") ? "left"
                : any(text, "lane change right", "lane change to the right", "changes lanes to the right") ? "right" : null;
        return new Expectation("camera: " + motion, "ego", start, end, Set.of(), Set.of(), Set.of(), false, state, turn, laneChange, List.of());
    }

    /** A scene said to be filmed by a static or fixed camera: the camera is {@code static} for the whole clip. */
    static Optional<Expectation> fixedCamera(String scene, double duration) {
        if (scene == null || !FIXED_CAMERA.matcher(scene.toLowerCase(Locale.ROOT)).find()) return Optional.empty();
        return Optional.of(new Expectation("camera: fixed (scene)", "ego", 0, duration, Set.of(), Set.of(), Set.of(), false,
                "static", null, null, List.of()));
    }

    /** Lower-case words; hyphens and punctuation separate ("grey-blue" is grey and blue). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    private static boolean any(String spacedText, String... phrases) {
        for (String p : phrases) {
            if (spacedText.contains(" " + p + " ")) return true;
        }
        return false;
    }
}
