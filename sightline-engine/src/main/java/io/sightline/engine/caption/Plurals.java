package io.sightline.engine.caption;

import java.util.Map;

/** English plurals of the detector's class names (COCO-80). */
public final class Plurals {
    private Plurals() {}

    private static final Map<String, String> IRREGULAR = Map.of(
            "person", "people", "sheep", "sheep", "skis", "skis", "scissors", "scissors", "knife", "knives",
            "mouse", "mice", "wine glass", "wine glasses", "bus", "buses");

    public static String of(String noun) {
        String irregular = IRREGULAR.get(noun);
        if (irregular != null) return irregular;
        if (noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x")) return noun + "es";
        if (noun.endsWith("y") && !noun.endsWith("ey")) return noun.substring(0, noun.length() - 1) + "ies";
        return noun + "s";
    }
}
