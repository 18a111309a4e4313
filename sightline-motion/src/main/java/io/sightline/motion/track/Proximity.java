package io.sightline.motion.track;

/**
 * A closeness proxy from the image alone: the box's height and how low its bottom edge sits (objects on
 * the road come lower in the picture as they come closer). Class-agnostic, so a person reads as nearer
 * than a car at the same distance.
 */
public enum Proximity {
    /** Box at least 30% of the frame high, or its bottom in the lowest 10% of the frame. */
    NEAR,
    /** Box at least 10% of the frame high. */
    MEDIUM,
    FAR
}
