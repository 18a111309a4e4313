package io.sightline.detector;

import java.util.List;

/** The 80 COCO detection classes in the order both CenterNet and NanoDet number them (0-based). */
public final class CocoLabels {
    private CocoLabels() {}

    private static final List<String> NAMES = List.of(
            "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
            "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
            "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
            "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard", "tennis racket", "bottle",
            "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple", "sandwich", "orange",
            "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch", "potted plant", "bed",
            "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard", "cell phone", "microwave", "oven",
            "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors", "teddy bear", "hair drier", "toothbrush");

    public static List<String> all() {
        return NAMES;
    }

    public static String name(int classId) {
        return NAMES.get(classId);
    }

    /** Index of {@code name}, or -1 when it is not a COCO class. */
    public static int id(String name) {
        return NAMES.indexOf(name);
    }
}
