package io.sightline.motion.ego;

/** What the camera did during a window of time. Several can hold at once (moving forward and turning left). */
public enum EgoMotionLabel {
    /** The background expands: the camera moves forward. */
    MOVING_FORWARD,
    /** The background contracts: the camera moves backward (or zooms out). */
    MOVING_BACKWARD,
    /** The camera moves, but neither forward nor backward dominates (e.g. a pan or a shaking hand). */
    MOVING,
    /** No measurable motion, in a video where the camera does move at other times or is too short to tell. */
    STOPPED,
    /** No measurable motion, in a video from a camera that never moves (security, parking). */
    STATIC_CAMERA,
    TURNING_LEFT,
    TURNING_RIGHT,
    /** Sideways translation to the left; a lane change when it comes with {@link #MOVING_FORWARD}. */
    LATERAL_SHIFT_LEFT,
    LATERAL_SHIFT_RIGHT,
    /** The forward rate fell fast compared with the window before. */
    BRAKING,
    /** Too few background points (dark, featureless or masked frames): nothing is claimed. */
    UNKNOWN
}
