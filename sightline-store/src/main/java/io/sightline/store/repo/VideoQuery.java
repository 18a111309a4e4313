package io.sightline.store.repo;

import io.sightline.api.VideoStatus;
import java.time.Instant;

/**
 * Which videos a user may list, filtered and sorted. Null filters are not applied.
 *
 * @param sort one of {@code created_at}, {@code name}, {@code size}, {@code duration}
 */
public record VideoQuery(String userId, String orgId, VideoStatus status, String folderId, String collectionId,
                         Instant createdAfter, Instant createdBefore, String sort, boolean ascending,
                         int offset, int limit) {

    public static final java.util.Map<String, String> SORT_COLUMNS = java.util.Map.of(
            "created_at", "v.created_at", "name", "v.name", "size", "v.size_bytes", "duration", "v.duration");
}
