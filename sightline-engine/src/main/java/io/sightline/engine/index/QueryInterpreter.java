package io.sightline.engine.index;

import io.sightline.engine.caption.MotionPhrases;
import io.sightline.engine.caption.Plurals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the words of a search into filters on what perception measures: classes (with synonyms:
 * "scooter" is a motorcycle, "lorry" a truck), colours, motions relative to the camera, the camera's
 * own motion and the lighting. Phrases that ask for things perception does not measure (weather,
 * traffic-light state, collisions, sounds ...) are listed as unsupported instead of being guessed.
 *
 * <p>Grouping: a colour or class starts an object, a motion attaches to the object before it (or
 * the next one), and "and", "with" or a comma start a new object; "white car and a person crossing"
 * asks for a white car and for a person crossing. "stopped"/"stationary" after a class is the
 * object's motion, otherwise (or after "we", "camera", "my car") it is the camera's state.
 */
public final class QueryInterpreter {

    private sealed interface Meaning {}
    private record ClassWord(Set<String> labels, String canonical) implements Meaning {}
    private record ColourWord(String colour) implements Meaning {}
    private record MotionWord(Set<String> motions, String canonical) implements Meaning {}
    private record Stopped() implements Meaning {}
    private record Self() implements Meaning {}
    private record LightingWord(String lighting, String canonical) implements Meaning {}
    private record CameraStateWord(String state, String canonical) implements Meaning {}
    private record TurnWord(String direction) implements Meaning {}
    private record LaneChangeWord(Set<String> directions) implements Meaning {}
    private record BrakingWord() implements Meaning {}
    private record GlareWord() implements Meaning {}
    private record Unsupported() implements Meaning {}
    private record Separator() implements Meaning {}

    private static final int LONGEST_PHRASE = 5;
    private static final Map<String, Meaning> PHRASES = new HashMap<>();

    static {
        for (String label : CocoClasses.LABELS) {
            cls(label, label);
            cls(label, Plurals.of(label));
        }
        cls("car", "car", "cars", "sedan", "sedans", "suv", "suvs", "taxi", "taxis", "hatchback", "van", "vans", "minivan");
        cls("truck", "truck", "trucks", "lorry", "lorries", "pickup", "pickups", "pickup truck", "semi", "trailer", "tractor trailer", "18 wheeler");
        cls("bus", "bus", "buses", "coach", "coaches", "minibus");
        cls("motorcycle", "motorcycle", "motorcycles", "motorbike", "motorbikes", "scooter", "scooters", "moped", "mopeds",
                "motorcyclist", "motorcyclists", "biker", "bikers");
        cls("bicycle", "bicycle", "bicycles", "bike", "bikes", "cyclist", "cyclists", "bicyclist");
        cls("person", "person", "persons", "people", "pedestrian", "pedestrians", "man", "men", "woman", "women",
                "child", "children", "kid", "kids", "walker", "jogger", "runner", "someone", "human", "humans");
        cls("traffic light", "traffic light", "traffic lights", "traffic signal", "traffic signals", "signal light");
        cls("stop sign", "stop sign", "stop signs");
        PHRASES.put("vehicle", new ClassWord(Set.of("car", "truck", "bus", "motorcycle"), "vehicle"));
        PHRASES.put("vehicles", PHRASES.get("vehicle"));

        for (String colour : List.of("white", "black", "grey", "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown")) {
            PHRASES.put(colour, new ColourWord(colour));
        }
        PHRASES.put("gray", new ColourWord("grey"));
        PHRASES.put("silver", new ColourWord("grey"));

        motion(Set.of("approaching"), "approaching", "oncoming", "coming towards", "coming toward", "coming at",
                "heading towards", "getting closer", "closing in");
        motion(Set.of("receding"), "receding", "moving away", "driving away", "pulling away", "going away", "getting further");
        motion(Set.of("crossing_left_to_right", "crossing_right_to_left"), "crossing", "crosses", "cross",
                "crossing the road", "crossing the street", "jaywalking");
        Set<String> leftToRight = Set.of("crossing_left_to_right");
        Set<String> rightToLeft = Set.of("crossing_right_to_left");
        motion(leftToRight, "crossing left to right", "crossing from left to right", "left to right", "from left to right",
                "crossing from the left");
        motion(rightToLeft, "crossing right to left", "crossing from right to left", "right to left", "from right to left",
                "crossing from the right");
        motion(Set.of("overtaking_left", "overtaking_right"), "overtaking", "overtakes", "overtake", "passing", "passes", "passing us");
        motion(Set.of("overtaking_left"), "overtaking on the left", "overtaking from the left", "passing on the left", "overtakes on the left");
        motion(Set.of("overtaking_right"), "overtaking on the right", "overtaking from the right", "passing on the right", "overtakes on the right");
        motion(Set.of("cutting_in"), "cutting in", "cut in", "cuts in", "cutting me off", "cut me off", "cuts me off",
                "cutting into my lane", "merging in front", "merges in front", "cutting in front", "swerving in front");
        for (String w : List.of("stopped", "stationary", "standing still", "not moving", "standing", "halted")) PHRASES.put(w, new Stopped());
        for (String w : List.of("we", "camera", "camera car", "my car", "our car", "ego car", "ego vehicle", "ego", "i", "dashcam")) {
            PHRASES.put(w, new Self());
        }

        lighting("night", "night", "at night", "nighttime", "night time", "in the dark", "after dark");
        lighting("day", "daytime", "day", "daylight", "during the day", "by day");
        lighting("dusk_dawn", "dusk", "dawn", "sunset", "sunrise", "twilight", "dusk or dawn");
        lighting("tunnel", "tunnel", "in a tunnel", "in the tunnel", "underpass");
        PHRASES.put("glare", new GlareWord());
        PHRASES.put("sun glare", new GlareWord());
        PHRASES.put("fixed camera", new CameraStateWord("static", "fixed camera"));
        PHRASES.put("static camera", new CameraStateWord("static", "fixed camera"));
        PHRASES.put("security camera", new CameraStateWord("static", "fixed camera"));
        PHRASES.put("cctv", new CameraStateWord("static", "fixed camera"));
        PHRASES.put("parked camera", new CameraStateWord("static", "fixed camera"));
        for (String dir : List.of("left", "right")) {
            for (String w : List.of("turning " + dir, "turn " + dir, "turns " + dir, "turned " + dir, dir + " turn", "turning to the " + dir)) {
                PHRASES.put(w, new TurnWord(dir));
            }
            for (String w : List.of("lane change " + dir, "changing lanes " + dir, "changing lanes to the " + dir, "changes lanes to the " + dir,
                    "change lanes " + dir, "changes lanes " + dir, "lane change to the " + dir)) {
                PHRASES.put(w, new LaneChangeWord(Set.of(dir)));
            }
        }
        for (String w : List.of("lane change", "lane changes", "changing lanes", "changes lanes", "change lanes")) {
            PHRASES.put(w, new LaneChangeWord(Set.of("left", "right")));
        }
        for (String w : List.of("braking", "brakes", "brake", "hard braking", "brakes hard", "braking hard", "slamming the brakes",
                "slowing down", "decelerating", "emergency braking")) {
            PHRASES.put(w, new BrakingWord());
        }

        // Asked for, but not measured: better to say so than to return look-alikes as if they matched.
        for (String w : List.of("rain", "raining", "rainy", "rains", "snow", "snowing", "snowy", "fog", "foggy", "mist", "misty",
                "hail", "storm", "stormy", "wet road", "wet", "icy", "ice", "puddle", "puddles", "flood", "weather", "sunny", "cloudy",
                "red light", "green light", "amber light", "yellow light", "turns red", "turns green", "turns yellow", "turned red",
                "turned green", "running a red light", "runs a red light", "ran a red light", "light is red", "light is green",
                "crash", "crashes", "collision", "collisions", "collide", "collides", "accident", "accidents", "near miss", "near misses",
                "hit", "hits", "rear ended", "rear end", "fender bender",
                "ambulance", "ambulances", "police", "police car", "fire truck", "fire engine", "emergency vehicle", "siren", "sirens",
                "horn", "honk", "honking", "sound", "noise", "loud",
                "speeding", "tailgating", "drunk", "distracted", "road rage", "illegal", "wrong way",
                "pothole", "potholes", "construction", "roadworks", "road works", "lane markings", "crosswalk", "zebra crossing",
                "intersection", "roundabout", "highway", "motorway", "parking lot", "parked", "license plate", "number plate")) {
            PHRASES.put(w, new Unsupported());
        }
        for (String w : List.of("and", "with", ",", "then", "while", "or")) PHRASES.put(w, new Separator());
    }

    private static void cls(String label, String... words) {
        for (String w : words) PHRASES.put(w, new ClassWord(Set.of(label), label));
    }

    private static void motion(Set<String> motions, String... words) {
        String canonical = motions.size() == 1 ? MotionPhrases.of(motions.iterator().next()) : words[0];
        for (String w : words) PHRASES.put(w, new MotionWord(motions, canonical));
    }

    private static void lighting(String value, String... words) {
        for (String w : words) PHRASES.put(w, new LightingWord(value, words[0]));
    }

    /** The interpretation of {@code query}; never null, also for blank queries. */
    public QueryInterpretation interpret(String query) {
        List<String> tokens = tokens(query);
        var state = new State();
        int i = 0;
        while (i < tokens.size()) {
            int length = Math.min(LONGEST_PHRASE, tokens.size() - i);
            Meaning meaning = null;
            String phrase = null;
            for (; length > 0; length--) {
                phrase = String.join(" ", tokens.subList(i, i + length));
                meaning = PHRASES.get(phrase);
                if (meaning != null) break;
            }
            if (meaning == null) {
                state.words.add(tokens.get(i));
                i++;
                continue;
            }
            i += length;
            state.apply(meaning, phrase, startsObject(tokens, i));
        }
        state.flushObject();
        String ranking = String.join(" ", state.words).replace(" ,", ",").strip();
        return new QueryInterpretation(ranking, state.objects, state.lighting, state.cameraStates, state.turns,
                state.laneChanges, state.braking, state.glare, state.unsupported);
    }

    private static boolean startsObject(List<String> tokens, int from) {
        for (int length = Math.min(LONGEST_PHRASE, tokens.size() - from); length > 0; length--) {
            Meaning next = PHRASES.get(String.join(" ", tokens.subList(from, from + length)));
            if (next != null) return next instanceof ClassWord || next instanceof ColourWord;
        }
        return false;
    }

    /** Lower-case words and commas; other punctuation separates words. */
    static List<String> tokens(String query) {
        if (query == null) return List.of();
        String spaced = query.toLowerCase(Locale.ROOT).replace(",", " , ").replaceAll("[^\\p{L}\\p{N}:/.,'\\- ]", " ");
        List<String> tokens = new ArrayList<>();
        for (String t : spaced.split("\\s+")) {
            String trimmed = t.replaceAll("^[.'\\-]+|[.'\\-]+$", "");
            if (!trimmed.isEmpty()) tokens.add(trimmed);
        }
        return tokens;
    }

    private static final class State {
        final List<String> words = new ArrayList<>();
        final List<ObjectConcept> objects = new ArrayList<>();
        final Set<String> lighting = new LinkedHashSet<>();
        final Set<String> cameraStates = new LinkedHashSet<>();
        final Set<String> turns = new LinkedHashSet<>();
        final Set<String> laneChanges = new LinkedHashSet<>();
        final List<String> unsupported = new ArrayList<>();
        boolean braking;
        boolean glare;
        boolean self;
        Set<String> labels;
        String colour;
        Set<String> motions;

        /** @param beforeObject the next words name a class or colour, e.g. "stopped" in "stopped car" */
        void apply(Meaning meaning, String phrase, boolean beforeObject) {
            switch (meaning) {
                case ClassWord c -> {
                    if (labels != null) flushObject();
                    labels = c.labels();
                    self = false;
                    say(phrase, c.canonical());
                }
                case ColourWord c -> {
                    if (labels != null || colour != null) flushObject();
                    colour = c.colour();
                    say(phrase, c.colour());
                }
                case MotionWord m -> {
                    if (motions != null) flushObject();
                    motions = m.motions();
                    say(phrase, m.canonical());
                }
                case Stopped s -> {
                    if (!self && motions == null && (labels != null || beforeObject)) {
                        motions = Set.of("stationary");
                        say(phrase, "stationary");
                    } else {
                        cameraStates.add("stopped");
                        say(phrase, "stopped");
                    }
                }
                case Self s -> {
                    flushObject();
                    self = true;
                    words.add(phrase);
                }
                case LightingWord l -> {
                    lighting.add(l.lighting());
                    say(phrase, l.canonical());
                }
                case CameraStateWord c -> {
                    cameraStates.add(c.state());
                    say(phrase, c.canonical());
                }
                case TurnWord t -> {
                    turns.add(t.direction());
                    say(phrase, "turning " + t.direction());
                }
                case LaneChangeWord l -> {
                    laneChanges.addAll(l.directions());
                    say(phrase, l.directions().size() == 1 ? "changing lanes to the " + l.directions().iterator().next() : "changing lanes");
                }
                case BrakingWord b -> {
                    braking = true;
                    say(phrase, "braking");
                }
                case GlareWord g -> {
                    glare = true;
                    words.add("glare");
                }
                case Unsupported u -> {
                    unsupported.add(phrase);
                    words.add(phrase);
                }
                case Separator s -> {
                    flushObject();
                    self = false;
                    words.add(phrase);
                }
            }
        }

        /** The user's words stay (they may match on-screen text); the caption's word is added when it differs. */
        void say(String phrase, String canonical) {
            words.add(phrase);
            if (!canonical.equals(phrase)) words.add(canonical);
        }

        void flushObject() {
            if (labels != null || colour != null || motions != null) {
                objects.add(new ObjectConcept(labels == null ? Set.of() : labels, colour, motions == null ? Set.of() : motions));
            }
            labels = null;
            colour = null;
            motions = null;
        }
    }
}
