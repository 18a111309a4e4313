package io.sightline.engine.index;

import java.util.List;

/**
 * Hits best first, and how the query was understood.
 *
 * @param interpretation the filters derived from the query's words, and the words the perception cannot answer
 */
public record SearchResult(List<SegmentHit> hits, QueryInterpretation interpretation) {

    /** Query terms that ask for something the perception does not measure (e.g. "raining"); hits ignore them. */
    public List<String> unsupported() {
        return interpretation.unsupported();
    }
}
