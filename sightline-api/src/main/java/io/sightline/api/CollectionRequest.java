package io.sightline.api;

/** Create or update a collection; on update, null fields are left as they are. */
public record CollectionRequest(String name, String description) {}
