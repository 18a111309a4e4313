package io.sightline.vision.detect;

import io.sightline.vision.image.Box;

/**
 * One object found in one frame.
 *
 * @param label   COCO class name, e.g. {@code car}, {@code person}, {@code motorcycle}
 * @param classId index of the label in the detector's class list
 * @param score   the detector's confidence, 0-1
 * @param box     where, in normalised frame coordinates
 */
public record Detection(String label, int classId, double score, Box box) {}
