package io.sightline.sdk;

import io.sightline.api.VideoStatus;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Filters, order and page of {@code GET /v1/videos}; every field is optional. */
public final class VideoListParams {
    public enum Sort {
        CREATED_AT, NAME, SIZE, DURATION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Order {
        ASC, DESC;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final VideoStatus status;
    private final String folderId;
    private final Instant createdAfter;
    private final Instant createdBefore;
    private final Sort sort;
    private final Order order;
    private final Integer offset;
    private final Integer limit;

    private VideoListParams(Builder builder) {
        this.status = builder.status;
        this.folderId = builder.folderId;
        this.createdAfter = builder.createdAfter;
        this.createdBefore = builder.createdBefore;
        this.sort = builder.sort;
        this.order = builder.order;
        this.offset = builder.offset;
        this.limit = builder.limit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All videos, the server's default order and page size. */
    public static VideoListParams none() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.status = status;
        builder.folderId = folderId;
        builder.createdAfter = createdAfter;
        builder.createdBefore = createdBefore;
        builder.sort = sort;
        builder.order = order;
        builder.offset = offset;
        builder.limit = limit;
        return builder;
    }

    public Optional<VideoStatus> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> folderId() {
        return Optional.ofNullable(folderId);
    }

    public Optional<Instant> createdAfter() {
        return Optional.ofNullable(createdAfter);
    }

    public Optional<Instant> createdBefore() {
        return Optional.ofNullable(createdBefore);
    }

    public Optional<Sort> sort() {
        return Optional.ofNullable(sort);
    }

    public Optional<Order> order() {
        return Optional.ofNullable(order);
    }

    public Optional<Integer> offset() {
        return Optional.ofNullable(offset);
    }

    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }

    public static final class Builder {
        private VideoStatus status;
        private String folderId;
        private Instant createdAfter;
        private Instant createdBefore;
        private Sort sort;
        private Order order;
        private Integer offset;
        private Integer limit;

        private Builder() {}

        public Builder status(VideoStatus status) {
            this.status = status;
            return this;
        }

        public Builder folderId(String folderId) {
            this.folderId = folderId;
            return this;
        }

        public Builder createdAfter(Instant createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        public Builder createdBefore(Instant createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        public Builder sort(Sort sort) {
            this.sort = sort;
            return this;
        }

        public Builder order(Order order) {
            this.order = order;
            return this;
        }

        public Builder offset(int offset) {
            if (offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
            this.offset = offset;
            return this;
        }

        /** 1 to 100; the server's default is 20. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) throw new IllegalArgumentException("limit must be 1-100, was " + limit);
            this.limit = limit;
            return this;
        }

        public VideoListParams build() {
            return new VideoListParams(this);
        }
    }
}
