package io.sightline.motion.track;

import io.sightline.vision.image.Box;

/** Where a track's object was observed: the detection's box at a frame time (seconds). */
public record TrackPoint(double time, Box box, double score) {}
