package io.sightline.api;

import java.time.Instant;

public record Collection(String id, String name, String description, long videoCount, Instant createdAt) {}
