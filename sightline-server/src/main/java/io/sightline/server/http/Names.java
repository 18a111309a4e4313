package io.sightline.server.http;

/** Display names of files and folders: never paths, never control characters. */
public final class Names {

    public static final int MAX_LENGTH = 255;

    private Names() {}

    /** Returns the name stripped, or throws a 400 {@code invalid_name} saying what is wrong with it. */
    public static String check(String what, String name) {
        if (name == null || name.isBlank()) throw invalid(what + " must not be empty");
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) throw invalid(what + " is longer than " + MAX_LENGTH + " characters");
        if (stripped.contains("/") || stripped.contains("\\")) throw invalid(what + " '" + stripped + "' must be a plain name, not a path");
        if (stripped.equals(".") || stripped.equals("..")) throw invalid(what + " '" + stripped + "' is not a name");
        if (stripped.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) throw invalid(what + " contains control characters");
        return stripped;
    }

    /** The name without its last extension: {@code dashcam.mp4} → {@code dashcam}. */
    public static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_name", message);
    }
}
