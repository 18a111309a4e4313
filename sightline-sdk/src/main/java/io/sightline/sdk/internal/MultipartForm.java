package io.sightline.sdk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A {@code multipart/form-data} body (RFC 7578) whose file parts are streamed from disk by
 * {@link StreamingBody}; parts go out in the order they are added.
 */
public final class MultipartForm {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<StreamingBody.Source> sources = new ArrayList<>();

    private MultipartForm(String boundary) {
        this.boundary = boundary;
    }

    public static MultipartForm create() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return new MultipartForm("sightline-" + HexFormat.of().formatHex(random));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Adds a text field; a null value is left out. */
    public MultipartForm field(String name, String value) {
        if (value == null) return this;
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"\r\n\r\n"
                + value + "\r\n");
        return this;
    }

    /**
     * Adds a file part streamed from {@code file}.
     *
     * @param counted whether its bytes are reported as upload progress
     */
    public MultipartForm file(String name, String filename, String contentType, Path file, boolean counted) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\""
                + escape(filename) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        sources.add(new StreamingBody.FileRange(file, 0, size, counted));
        text("\r\n");
        return this;
    }

    public StreamingBody build(LongConsumer progress) {
        List<StreamingBody.Source> all = new ArrayList<>(sources);
        all.add(new StreamingBody.Bytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return new StreamingBody(all, progress);
    }

    private void text(String text) {
        sources.add(new StreamingBody.Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Names and file names are quoted strings; escape them the way browsers do (WHATWG HTML, form-data encoding). */
    static String escape(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
