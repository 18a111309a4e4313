package io.sightline.sdk;

import java.util.Objects;
import java.util.Optional;

/** A segment search: the words, and optionally one folder or one video to search in. */
public final class SearchParams {

    private final String query;
    private final String folderId;
    private final String videoId;
    private final Integer limit;

    private SearchParams(Builder builder) {
        this.query = builder.query;
        this.folderId = builder.folderId;
        this.videoId = builder.videoId;
        this.limit = builder.limit;
    }

    public static Builder builder(String query) {
        return new Builder(query);
    }

    public String query() {
        return query;
    }

    public Optional<String> folderId() {
        return Optional.ofNullable(folderId);
    }

    public Optional<String> videoId() {
        return Optional.ofNullable(videoId);
    }

    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }

    public static final class Builder {
        private final String query;
        private String folderId;
        private String videoId;
        private Integer limit;

        private Builder(String query) {
            if (Objects.requireNonNull(query, "query").isBlank()) throw new IllegalArgumentException("the query must not be blank");
            this.query = query;
        }

        public Builder folderId(String folderId) {
            this.folderId = folderId;
            return this;
        }

        public Builder videoId(String videoId) {
            this.videoId = videoId;
            return this;
        }

        /** 1-100; the server's default is 20. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) throw new IllegalArgumentException("limit must be between 1 and 100, not " + limit);
            this.limit = limit;
            return this;
        }

        public SearchParams build() {
            return new SearchParams(this);
        }
    }
}
