package io.sightline.api;

import java.time.Instant;

/**
 * A named place for videos. Names are unique per scope owner: per user for {@link Scope#USER},
 * per organisation for {@link Scope#ORG}.
 *
 * @param ownerId the user id or the organisation id, depending on {@code scope}
 */
public record Folder(String id, String name, Scope scope, String ownerId, long videoCount, Instant createdAt) {}
