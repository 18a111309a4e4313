package io.sightline.engine.index;

import java.util.Set;

/**
 * One segment found by a search.
 *
 * @param score     reciprocal-rank-fusion score; only comparable within one result
 * @param matchedBy the retrievers that ranked this segment
 */
public record SegmentHit(String videoId, int segmentIndex, double startSeconds, double endSeconds, String caption,
                         double score, Set<Retriever> matchedBy) {}
