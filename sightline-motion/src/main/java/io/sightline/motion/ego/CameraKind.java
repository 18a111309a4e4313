package io.sightline.motion.ego;

/** Whether a whole video comes from a fixed or a moving camera, judged from its ego-motion. */
public enum CameraKind {
    /** Still for almost every pair over at least {@link EgoMotionConfig#fixedCameraSeconds()}. */
    FIXED,
    /** Measurably moving in at least one window. */
    MOVING,
    /** Too short or too unreliable to tell (a dashcam waiting five seconds at a light looks like a fixed camera). */
    UNKNOWN
}
