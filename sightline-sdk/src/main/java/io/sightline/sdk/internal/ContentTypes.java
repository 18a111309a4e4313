package io.sightline.sdk.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The media type to declare for a file, from its extension; the server probes the bytes anyway. */
public final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp4", "video/mp4", "m4v", "video/mp4", "mov", "video/quicktime", "mkv", "video/x-matroska",
            "webm", "video/webm", "avi", "video/x-msvideo", "ts", "video/mp2t", "mpg", "video/mpeg",
            "mpeg", "video/mpeg", "json", "application/json");

    private ContentTypes() {}

    public static String of(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
