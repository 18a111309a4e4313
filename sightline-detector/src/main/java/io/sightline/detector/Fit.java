package io.sightline.detector;

/** How a frame of any aspect ratio is fitted into a detector's input. */
public enum Fit {
    /** Scale each axis independently to fill the model's square; objects are squashed but keep more pixels. */
    STRETCH,
    /**
     * Scale both axes alike; shapes are kept. A detector that takes inputs of any shape (CenterNet)
     * runs at the frame's own shape, padded to its stride; one with a fixed square (NanoDet) pads
     * the square with grey.
     */
    LETTERBOX,
    /** Scale both axes alike and pad the model's square with grey, whatever the detector could take. */
    SQUARE_LETTERBOX
}
