package io.sightline.vision.model;

/**
 * One line of {@code sightline models list}.
 *
 * @param bytes size of the model's files: measured on disk when cached, the catalogue's figure otherwise
 */
public record ModelStatus(String name, String version, String source, boolean cached, long bytes) {}
