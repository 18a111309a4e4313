package io.sightline.motion.scene;

/**
 * Light level of a scene, judged from brightness. It names how the picture is lit, not the clock:
 * a dark garage reads as night, a heavily overcast noon may read as dusk.
 */
public enum Lighting {
    DAY,
    DUSK_DAWN,
    NIGHT,
    /** Darkness that began abruptly in daylight (a tunnel, an underpass, a garage) and lasts until daylight returns. */
    TUNNEL_LIKE,
    /** The brightness does not fit any of the above well enough to say. */
    UNKNOWN
}
