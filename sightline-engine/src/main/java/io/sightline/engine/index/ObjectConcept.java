package io.sightline.engine.index;

import java.util.Set;

/**
 * One object a query asks for, e.g. "white car approaching": all its parts must hold for the same
 * tracked object. An empty set or null colour means "any".
 */
public record ObjectConcept(Set<String> labels, String colour, Set<String> motions) {
    public ObjectConcept {
        labels = Set.copyOf(labels);
        motions = Set.copyOf(motions);
    }
}
