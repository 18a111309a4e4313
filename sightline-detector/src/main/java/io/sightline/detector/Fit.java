package io.sightline.detector;

/** How a frame of any aspect ratio is fitted into a detector's square input. */
public enum Fit {
    /** Scale each axis independently to fill the square; objects are squashed but keep more pixels. */
    STRETCH,
    /** Scale both axes alike and pad the rest with grey; shapes are kept, objects get fewer pixels. */
    LETTERBOX
}
