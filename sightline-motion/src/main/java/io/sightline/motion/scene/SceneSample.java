package io.sightline.motion.scene;

/** The statistics of the frame shown at {@code time} seconds. */
public record SceneSample(double time, SceneStatistics statistics) {}
