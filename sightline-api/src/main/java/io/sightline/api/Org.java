package io.sightline.api;

import java.time.Instant;

public record Org(String id, String name, Instant createdAt) {}
