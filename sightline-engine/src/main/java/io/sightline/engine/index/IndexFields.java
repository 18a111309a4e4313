package io.sightline.engine.index;

/** Field names of a segment document (documented in docs/segments.md). */
final class IndexFields {
    private IndexFields() {}

    static final String ID = "id";
    static final String VIDEO = "video";
    static final String ORG = "org";
    static final String FOLDER = "folder";
    static final String OWNER = "owner";
    static final String SEGMENT_INDEX = "segment_index";
    static final String START = "start";
    static final String END = "end";
    static final String CAPTION = "caption";
    static final String OCR = "ocr";
    static final String LABELS = "labels";
    static final String VECTOR = "caption_vector";
    static final String CLASS = "class";
    static final String COLOUR = "colour";
    static final String MOTION = "motion";
    /** One term per object and wildcard pattern: {@code car:white:approaching}, {@code car:*:approaching}, {@code *:white:*} ... */
    static final String OBJECT = "object";
    static final String LIGHTING = "lighting";
    static final String CAMERA_STATE = "camera_state";
    static final String TURN = "turn";
    static final String LANE_CHANGE = "lane_change";
    static final String BRAKING = "braking";
    static final String GLARE = "glare";

    static final String ANY = "*";

    static String objectTerm(String label, String colour, String motion) {
        return label + ":" + colour + ":" + motion;
    }
}
