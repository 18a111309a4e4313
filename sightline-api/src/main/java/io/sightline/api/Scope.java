package io.sightline.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a folder belongs to: one user, or every member of the user's organisation. */
public enum Scope {
    @JsonProperty("user") USER,
    @JsonProperty("org") ORG;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Scope parse(String value) {
        for (Scope scope : values()) {
            if (scope.wireName().equalsIgnoreCase(value)) return scope;
        }
        throw new IllegalArgumentException("scope must be 'user' or 'org', not '" + value + "'");
    }
}
