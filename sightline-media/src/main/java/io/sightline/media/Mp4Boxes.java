package io.sightline.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A look at the top-level boxes of an MP4/MOV file, enough to tell a cut-off file: ffprobe reads
 * a file whose index (moov) comes first even when the media data after it is missing.
 */
final class Mp4Boxes {

    private Mp4Boxes() {}

    /** Whether the file begins with an MP4/MOV box header such as {@code ftyp}. */
    static boolean looksLikeMp4(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(8);
            if (channel.read(header, 0) < 8) return false;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            return type.equals("ftyp") || type.equals("moov") || type.equals("mdat") || type.equals("wide") || type.equals("free");
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a top-level box claims to extend past the end of the file. */
    static boolean truncated(Path file) {
        if (!looksLikeMp4(file)) return false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (offset + 8 <= length) {
                header.clear();
                channel.read(header, offset);
                long size = Integer.toUnsignedLong(header.getInt(0));
                if (size == 0) return false; // the last box runs to the end of the file
                if (size == 1) {
                    if (offset + 16 > length) return true;
                    size = header.getLong(8);
                }
                if (size < 8) return false; // not a box structure we understand: leave it to ffmpeg
                if (offset + size > length) return true;
                offset += size;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
