package io.sightline.detector;

import io.sightline.vision.detect.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/** Greedy non-maximum suppression: keep the best box, drop what overlaps it too much, repeat. */
public final class NonMaxSuppression {
    /**
     * Classes the COCO detectors confuse with each other on the same object: one van comes out as
     * a car and a truck at once, one scooter as a motorcycle and a bicycle.
     */
    public static final List<Set<String>> CONFUSABLE = List.of(Set.of("car", "truck", "bus"), Set.of("bicycle", "motorcycle"));

    private NonMaxSuppression() {}

    /** Class-aware pass: a box only suppresses boxes of its own class. Returns best first. */
    public static List<Detection> perClass(List<Detection> detections, double iouThreshold) {
        return suppress(detections, iouThreshold, (a, b) -> a.classId() == b.classId());
    }

    /** Cross-class pass within each {@link #CONFUSABLE} group; the higher-scoring label wins. */
    public static List<Detection> acrossConfusable(List<Detection> detections, double iouThreshold) {
        return suppress(detections, iouThreshold, (a, b) -> a.classId() == b.classId() || confusable(a.label(), b.label()));
    }

    /** Both passes, as the detectors apply them. */
    public static List<Detection> apply(List<Detection> detections, DetectorSettings settings) {
        return acrossConfusable(perClass(detections, settings.iouThreshold()), settings.mergeIouThreshold());
    }

    private static boolean confusable(String a, String b) {
        for (Set<String> group : CONFUSABLE) if (group.contains(a) && group.contains(b)) return true;
        return false;
    }

    private static List<Detection> suppress(List<Detection> detections, double iouThreshold, BiPredicate<Detection, Detection> competing) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (competing.test(k, candidate) && k.box().iou(candidate.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) kept.add(candidate);
        }
        return kept;
    }
}
