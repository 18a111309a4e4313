package io.sightline.engine.index;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A search over segments. It can only be made through {@link #inOrg(String)}: the organisation is
 * part of every query, so no caller can forget it and read another organisation's videos.
 *
 * <pre>{@code
 * SearchQuery.inOrg(orgId).text("white car cutting in at night").folderId(folderId).limit(20).build()
 * }</pre>
 */
public final class SearchQuery {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;

    private final String orgId;
    private final String text;
    private final boolean interpretText;
    private final Set<String> videoIds;
    private final String folderId;
    private final String ownerId;
    private final Double fromSeconds;
    private final Double toSeconds;
    private final Set<String> requiredClasses;
    private final Set<String> requiredColours;
    private final Set<String> requiredMotions;
    private final Set<String> lighting;
    private final Set<String> cameraStates;
    private final int limit;

    private SearchQuery(Builder b) {
        orgId = b.orgId;
        text = b.text == null ? "" : b.text.strip();
        interpretText = b.interpretText;
        videoIds = Set.copyOf(b.videoIds);
        folderId = b.folderId;
        ownerId = b.ownerId;
        fromSeconds = b.fromSeconds;
        toSeconds = b.toSeconds;
        requiredClasses = Set.copyOf(b.requiredClasses);
        requiredColours = Set.copyOf(b.requiredColours);
        requiredMotions = Set.copyOf(b.requiredMotions);
        lighting = Set.copyOf(b.lighting);
        cameraStates = Set.copyOf(b.cameraStates);
        limit = b.limit;
    }

    /** Starts a query confined to one organisation's segments. */
    public static Builder inOrg(String orgId) {
        return new Builder(VideoContext.requireText(orgId, "orgId"));
    }

    public String orgId() { return orgId; }

    public String text() { return text; }

    public boolean interpretText() { return interpretText; }

    public Set<String> videoIds() { return videoIds; }

    public String folderId() { return folderId; }

    public String ownerId() { return ownerId; }

    public Double fromSeconds() { return fromSeconds; }

    public Double toSeconds() { return toSeconds; }

    public Set<String> requiredClasses() { return requiredClasses; }

    public Set<String> requiredColours() { return requiredColours; }

    public Set<String> requiredMotions() { return requiredMotions; }

    public Set<String> lighting() { return lighting; }

    public Set<String> cameraStates() { return cameraStates; }

    public int limit() { return limit; }

    public static final class Builder {
        private final String orgId;
        private String text;
        private boolean interpretText = true;
        private final Set<String> videoIds = new LinkedHashSet<>();
        private String folderId;
        private String ownerId;
        private Double fromSeconds;
        private Double toSeconds;
        private final Set<String> requiredClasses = new LinkedHashSet<>();
        private final Set<String> requiredColours = new LinkedHashSet<>();
        private final Set<String> requiredMotions = new LinkedHashSet<>();
        private final Set<String> lighting = new LinkedHashSet<>();
        private final Set<String> cameraStates = new LinkedHashSet<>();
        private int limit = DEFAULT_LIMIT;

        private Builder(String orgId) {
            this.orgId = orgId;
        }

        /** Natural-language query; blank means "everything that passes the filters". */
        public Builder text(String text) { this.text = text; return this; }

        /** False to rank by the words only, without turning recognised words into filters. */
        public Builder interpretText(boolean interpret) { this.interpretText = interpret; return this; }

        /** Restricts to these videos (any of them). */
        public Builder videoId(String... ids) { for (String id : ids) videoIds.add(VideoContext.requireText(id, "videoId")); return this; }

        public Builder folderId(String folderId) { this.folderId = folderId; return this; }

        public Builder ownerId(String ownerId) { this.ownerId = ownerId; return this; }

        /** Segments that overlap [from, to] seconds of their video. */
        public Builder between(double fromSeconds, double toSeconds) {
            if (toSeconds < fromSeconds) throw new IllegalArgumentException("time range ends before it starts");
            this.fromSeconds = fromSeconds;
            this.toSeconds = toSeconds;
            return this;
        }

        /** Every one of these classes must appear in the segment. */
        public Builder requireClass(String... classes) { requiredClasses.addAll(Set.of(classes)); return this; }

        /** Every one of these colours must appear in the segment. */
        public Builder requireColour(String... colours) { requiredColours.addAll(Set.of(colours)); return this; }

        /** Every one of these motion labels must appear in the segment. */
        public Builder requireMotion(String... motions) { requiredMotions.addAll(Set.of(motions)); return this; }

        /** The segment's lighting is any of these. */
        public Builder lighting(String... values) { lighting.addAll(Set.of(values)); return this; }

        /** The camera state is any of these. */
        public Builder cameraState(String... states) { cameraStates.addAll(Set.of(states)); return this; }

        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
            this.limit = limit;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(this);
        }
    }
}
