package io.sightline.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param total  how many items match the query in all
 * @param offset index of the first item of this page
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public boolean hasNextPage() {
        return offset + items.size() < total;
    }

    public int nextOffset() {
        return offset + items.size();
    }
}
