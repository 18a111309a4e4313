package io.sightline.api;

import java.time.Instant;

public record User(String id, String name, String orgId, Role role, Instant createdAt) {}
