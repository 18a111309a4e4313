package io.sightline.sdk.internal;

import io.sightline.api.Page;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks every page of a list, fetching the next page only when the stream reaches it. */
public final class Pager {
    /** The largest page the API serves; walking every page wants as few requests as possible. */
    public static final int PAGE_SIZE = 100;

    private Pager() {}

    /** @param fetch the page that starts at the given offset */
    public static <T> Stream<T> stream(int firstOffset, IntFunction<Page<T>> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Page<T> page;
            private Iterator<T> current;

            @Override
            public boolean hasNext() {
                if (page == null) load(firstOffset);
                while (!current.hasNext()) {
                    // An empty page ends the walk even if total says otherwise (items deleted meanwhile).
                    if (page.items().isEmpty() || !page.hasNextPage()) return false;
                    load(page.nextOffset());
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }

            private void load(int offset) {
                page = fetch.apply(offset);
                current = page.items().iterator();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
