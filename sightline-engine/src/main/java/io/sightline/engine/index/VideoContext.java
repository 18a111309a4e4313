package io.sightline.engine.index;

import java.util.Objects;

/**
 * Who a video belongs to: stored with each of its segments so searches can be filtered, and so a
 * search never crosses an organisation. {@code folderId} and {@code ownerId} may be null.
 */
public record VideoContext(String videoId, String orgId, String folderId, String ownerId) {
    public VideoContext {
        requireText(videoId, "videoId");
        requireText(orgId, "orgId");
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + " is blank");
        return value;
    }
}
