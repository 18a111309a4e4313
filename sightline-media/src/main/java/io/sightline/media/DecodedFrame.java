package io.sightline.media;

/** One decoded frame: RGB, interleaved, row-major, at its presentation time from the start of the video. */
public record DecodedFrame(double timestampSeconds, int width, int height, byte[] rgb) {}
