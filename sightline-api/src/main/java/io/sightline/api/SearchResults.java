package io.sightline.api;

import java.util.List;

/**
 * Segments matching a search, best first.
 *
 * @param unsupported the query's phrases the perception cannot measure (e.g. "raining"); they were
 *                    matched as plain text only, so hits for them are not evidence of the thing itself
 * @param filters     what the query was understood to require, in words (e.g. "object: white car", "lighting: night")
 */
public record SearchResults(String query, List<Hit> hits, List<String> unsupported, List<String> filters) {

    /**
     * One matching segment.
     *
     * @param score     fused rank score; only comparable within one result
     * @param matchedBy which retrievers found it: {@code text}, {@code vector}, {@code filter}
     */
    public record Hit(String videoId, String videoName, int segmentIndex, double startSeconds, double endSeconds,
                      String caption, double score, List<String> matchedBy) {}
}
