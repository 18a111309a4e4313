package io.sightline.sdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict multipart/form-data parser for checking what the SDK sends (RFC 7578 / RFC 2046 framing). */
final class FormData {
    record Part(String name, String filename, String contentType, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=([^;]+)");
    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

    static String boundary(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!contentType.startsWith("multipart/form-data") || !m.find()) {
            throw new AssertionError("not multipart/form-data with a boundary: " + contentType);
        }
        return m.group(1);
    }

    /** Fails unless the body is exactly: (delimiter CRLF headers CRLF CRLF data CRLF)* close-delimiter CRLF. */
    static List<Part> parse(byte[] body, String contentType) {
        String boundary = boundary(contentType);
        // ISO-8859-1 maps every byte to one char, so indexes in the string are indexes in the bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int at = 0;
        if (!text.startsWith(delimiter + "\r\n")) throw new AssertionError("body does not start with the boundary");
        while (true) {
            at += delimiter.length();
            if (text.startsWith("--\r\n", at)) {
                if (at + 4 != text.length()) throw new AssertionError("bytes after the closing boundary");
                return parts;
            }
            if (!text.startsWith("\r\n", at)) throw new AssertionError("no CRLF after the boundary at " + at);
            at += 2;
            int headersEnd = text.indexOf("\r\n\r\n", at);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : text.substring(at, headersEnd).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            int dataStart = headersEnd + 4;
            int dataEnd = text.indexOf("\r\n" + delimiter, dataStart);
            if (dataEnd < 0) throw new AssertionError("part without a closing boundary");
            String disposition = headers.get("content-disposition");
            if (disposition == null || !disposition.startsWith("form-data")) throw new AssertionError("bad disposition " + disposition);
            Matcher name = NAME.matcher(disposition);
            Matcher filename = FILENAME.matcher(disposition);
            if (!name.find()) throw new AssertionError("part without a name: " + disposition);
            byte[] data = new byte[dataEnd - dataStart];
            System.arraycopy(body, dataStart, data, 0, data.length);
            parts.add(new Part(name.group(1), filename.find() ? filename.group(1) : null, headers.get("content-type"), data));
            at = dataEnd + 2;
        }
    }
}
