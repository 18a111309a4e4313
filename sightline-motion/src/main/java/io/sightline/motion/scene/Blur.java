package io.sightline.motion.scene;

/** Sharpness of a frame compared with the rest of its video; an absolute judgement would depend on the content. */
public enum Blur {
    NORMAL,
    /** Much less detail than the video's median frame: motion blur, lost focus, a smeared or corrupt frame. */
    BLURRED,
    /** Too few frames to compare against. */
    UNKNOWN
}
