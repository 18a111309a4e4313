package io.sightline.server.uploads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.VideoMetadata;
import io.sightline.api.VideoMetadata.MetadataField;
import io.sightline.api.VideoMetadata.TimedValue;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Names;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a metadata sidecar against the schema in {@code docs/metadata-sidecar.md}: its name must
 * share the video's base name, and every field must be well typed.
 */
public final class SidecarValidator {

    public static final int MAX_BYTES = 1024 * 1024;
    static final Set<String> TYPES = Set.of("number", "string", "boolean", "timestamp", "gps");
    static final Set<String> POSITIONS = Set.of("top-left", "top", "top-right", "left", "center", "right",
            "bottom-left", "bottom", "bottom-right", "none");
    private static final int MAX_FIELDS = 256;
    private static final int MAX_VALUES = 1_000_000;

    private final ObjectMapper json;

    public SidecarValidator(ObjectMapper json) {
        this.json = json;
    }

    /** Checks the sidecar's file name against the video's: {@code dashcam.mp4} goes with {@code dashcam.json}. */
    public static void checkName(String videoFilename, String sidecarFilename) {
        String sidecar = Names.check("metadata file name", sidecarFilename);
        if (!Names.extension(sidecar).equals("json")) {
            throw ApiException.badRequest("invalid_sidecar", "the metadata sidecar must be a .json file, not '" + sidecar + "'");
        }
        String expected = Names.baseName(videoFilename);
        if (!Names.baseName(sidecar).equals(expected)) {
            throw ApiException.badRequest("sidecar_name_mismatch", "the metadata sidecar '" + sidecar
                    + "' must share the video's base name: expected '" + expected + ".json' for '" + videoFilename + "'");
        }
    }

    public VideoMetadata parse(byte[] body) {
        if (body.length > MAX_BYTES) throw tooLarge();
        try {
            return validate(json.readValue(body, VideoMetadata.class));
        } catch (JsonProcessingException e) {
            throw invalid("is not valid: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw invalid("could not be read: " + e.getMessage());
        }
    }

    public static ApiException tooLarge() {
        return ApiException.tooLarge("sidecar_too_large", "the metadata sidecar is larger than " + MAX_BYTES + " bytes");
    }

    public VideoMetadata validate(VideoMetadata metadata) {
        if (metadata == null) throw invalid("is empty");
        List<MetadataField> fields = metadata.fields() == null ? List.of() : metadata.fields();
        if (fields.size() > MAX_FIELDS) throw invalid("has more than " + MAX_FIELDS + " fields");
        Set<String> names = new HashSet<>();
        long values = 0;
        for (int i = 0; i < fields.size(); i++) {
            MetadataField field = fields.get(i);
            String where = "fields[" + i + "]";
            if (field == null) throw invalid(where + " is null");
            if (field.name() == null || field.name().isBlank()) throw invalid(where + ".name is required");
            if (!names.add(field.name())) throw invalid(where + ".name '" + field.name() + "' appears twice");
            if (field.type() == null || !TYPES.contains(field.type())) throw invalid(where + ".type must be one of " + TYPES);
            if (field.position() != null && !POSITIONS.contains(field.position())) throw invalid(where + ".position must be one of " + POSITIONS);
            List<TimedValue> series = field.values() == null ? List.of() : field.values();
            values += series.size();
            if (values > MAX_VALUES) throw invalid("has more than " + MAX_VALUES + " values");
            for (int j = 0; j < series.size(); j++) checkValue(where + ".values[" + j + "]", field.type(), series.get(j));
        }
        return new VideoMetadata(metadata.description(), metadata.properties() == null ? Map.of() : metadata.properties(), fields);
    }

    private static void checkValue(String where, String type, TimedValue value) {
        if (value == null) throw invalid(where + " is null");
        if (!Double.isFinite(value.t()) || value.t() < 0) throw invalid(where + ".t must be a time in seconds, 0 or more");
        Object v = value.value();
        boolean ok = switch (type) {
            case "number" -> v instanceof Number;
            case "string" -> v instanceof String;
            case "boolean" -> v instanceof Boolean;
            case "timestamp" -> v instanceof String s && isTimestamp(s);
            case "gps" -> v instanceof Map<?, ?> m && isCoordinate(m.get("lat"), 90) && isCoordinate(m.get("lon"), 180);
            default -> false;
        };
        if (!ok) throw invalid(where + ".value does not fit type " + type + (type.equals("gps") ? " ({\"lat\":..,\"lon\":..})" : "")
                + (type.equals("timestamp") ? " (ISO-8601 with offset, e.g. 2026-01-31T12:00:00Z)" : ""));
    }

    private static boolean isTimestamp(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isCoordinate(Object value, double limit) {
        return value instanceof Number n && Math.abs(n.doubleValue()) <= limit;
    }

    private static ApiException invalid(String what) {
        return ApiException.badRequest("invalid_sidecar", "the metadata sidecar " + what);
    }
}
