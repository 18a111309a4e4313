package io.sightline.server.http;

import java.util.regex.Pattern;

/**
 * Keeps a server's own file paths out of what its clients read. ffmpeg's and ffprobe's reasons
 * name the file they read, and on a server that file is a blob under the data folder or a temporary
 * one: the folder layout is the server's business, so a client gets the file's last name only.
 */
public final class ServerPaths {

    /**
     * An absolute path of two or more parts, its last one captured. Not after a letter, digit, dot,
     * colon or slash, so "km/h", "2015/09/18", "1/2" and URLs ("http://host/a/b") are left alone.
     */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.:/~-])/(?:[^\\s/:;,()'\"]+/)+([^\\s/:;,()'\"]+)");

    private ServerPaths() {}

    /** {@code message} with each absolute path replaced by its last part; null stays null. */
    public static String hide(String message) {
        return message == null ? null : ABSOLUTE_PATH.matcher(message).replaceAll("$1");
    }
}
