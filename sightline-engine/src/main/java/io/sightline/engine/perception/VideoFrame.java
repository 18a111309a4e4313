package io.sightline.engine.perception;

import io.sightline.vision.image.RgbImage;

/** A sampled frame and its presentation time, in seconds from the start of the video. */
public record VideoFrame(double seconds, RgbImage image) {}
