package io.sightline.motion.track;

/** How a tracked object moves relative to the camera (and, where ego-motion is given, to the scene). */
public enum RelativeMotion {
    /** Its image grows while its bottom edge does not rise: it comes closer. */
    APPROACHING,
    /** Its image shrinks while its bottom edge does not sink: it goes away. */
    RECEDING,
    /** It moves across the picture from left to right by more than its own width (camera turns removed). */
    CROSSING_LEFT_TO_RIGHT,
    CROSSING_RIGHT_TO_LEFT,
    /** A vehicle first seen at the left side that shrinks while moving towards the centre: it passes the camera. */
    OVERTAKING_LEFT,
    OVERTAKING_RIGHT,
    /** A vehicle that moves from a side into the centre corridor ahead, close enough to be in front. */
    CUTTING_IN_AHEAD,
    /** It does not move in the scene (camera motion removed), or relative to the camera when no ego-motion was given. */
    STATIONARY
}
