package io.sightline.engine.index;

import java.util.List;
import java.util.Set;

/**
 * What {@link QueryInterpreter} made of a query's words. Every field except {@code rankingText} and
 * {@code unsupported} becomes a filter: a hit must satisfy all of them.
 *
 * @param rankingText  the query with synonyms replaced by the words captions use; ranked by BM25 and vectors
 * @param objects      objects that must appear in the segment
 * @param lighting     any of these lighting values ({@code day}, {@code night}, ...); empty = any
 * @param cameraStates any of these camera states ({@code static}, {@code stopped}, {@code moving}); empty = any
 * @param turns        any of these camera turns ({@code left}, {@code right}); empty = any
 * @param laneChanges  any of these camera lane changes ({@code left}, {@code right}); empty = any
 * @param braking      the camera car must be braking
 * @param glare        the scene must show glare
 * @param unsupported  the query's phrases that the perception cannot measure, as written in the query
 */
public record QueryInterpretation(String rankingText, List<ObjectConcept> objects, Set<String> lighting,
                                  Set<String> cameraStates, Set<String> turns, Set<String> laneChanges,
                                  boolean braking, boolean glare, List<String> unsupported) {

    public QueryInterpretation {
        objects = List.copyOf(objects);
        lighting = Set.copyOf(lighting);
        cameraStates = Set.copyOf(cameraStates);
        turns = Set.copyOf(turns);
        laneChanges = Set.copyOf(laneChanges);
        unsupported = List.copyOf(unsupported);
    }

    static QueryInterpretation literal(String text) {
        return new QueryInterpretation(text, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, List.of());
    }

    /** True when the words asked for something the index filters on. */
    public boolean hasFilters() {
        return !objects.isEmpty() || !lighting.isEmpty() || !cameraStates.isEmpty() || !turns.isEmpty()
                || !laneChanges.isEmpty() || braking || glare;
    }
}
