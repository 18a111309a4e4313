package io.sightline.sdk;

import java.util.Optional;

/** Which page of a list without filters (collections, a collection's videos). */
public final class PageParams {
    private final Integer offset;
    private final Integer limit;

    private PageParams(Integer offset, Integer limit) {
        if (offset != null && offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
        if (limit != null && (limit < 1 || limit > 100)) throw new IllegalArgumentException("limit must be 1-100, was " + limit);
        this.offset = offset;
        this.limit = limit;
    }

    /** The first page at the server's default size. */
    public static PageParams first() {
        return new PageParams(null, null);
    }

    /** @param limit 1 to 100 */
    public static PageParams of(int offset, int limit) {
        return new PageParams(offset, limit);
    }

    public PageParams withOffset(int offset) {
        return new PageParams(offset, limit);
    }

    public Optional<Integer> offset() {
        return Optional.ofNullable(offset);
    }

    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }
}
