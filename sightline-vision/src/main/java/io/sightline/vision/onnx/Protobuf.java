package io.sightline.vision.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of the protobuf wire format to read and write ONNX messages: varints, 32-bit values
 * and length-delimited fields. A message is written into its own buffer and embedded in its parent
 * as bytes, which is how protobuf nests messages anyway; {@link #fields} reads one level of a message.
 */
public final class Protobuf {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /**
     * One field of a message as read: {@code value} holds a varint or fixed number, {@code bytes} a
     * length-delimited field's payload (a string, bytes, an embedded message or a packed array).
     */
    public record Field(int number, int wireType, long value, byte[] bytes) {
        public String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The fields of one message, in order; embedded messages are left as bytes, to read with another call. */
    public static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = readVarint(message, at);
            int number = (int) (tag >>> 3), wireType = (int) (tag & 7);
            switch (wireType) {
                case VARINT -> fields.add(new Field(number, wireType, readVarint(message, at), null));
                case FIXED64 -> fields.add(new Field(number, wireType, littleEndian(message, at, 8), null));
                case FIXED32 -> fields.add(new Field(number, wireType, littleEndian(message, at, 4), null));
                case LENGTH_DELIMITED -> {
                    int length = Math.toIntExact(readVarint(message, at));
                    if (length < 0 || at[0] + length > message.length) throw new IllegalArgumentException("field " + number + " runs past the message");
                    fields.add(new Field(number, wireType, 0, Arrays.copyOfRange(message, at[0], at[0] + length)));
                    at[0] += length;
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType + " of field " + number);
            }
        }
        return fields;
    }

    /** The values of a packed repeated varint field's payload. */
    public static List<Long> packedVarints(byte[] packed) {
        List<Long> values = new ArrayList<>();
        int[] at = {0};
        while (at[0] < packed.length) values.add(readVarint(packed, at));
        return values;
    }

    public Protobuf varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    public Protobuf fixed32(int field, int value) {
        tag(field, FIXED32);
        for (int i = 0; i < 4; i++) out.write(value >>> (8 * i) & 0xFF);
        return this;
    }

    public Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public Protobuf message(int field, Protobuf message) {
        return bytes(field, message.toByteArray());
    }

    public Protobuf bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** Writes a field as it was read. */
    public Protobuf field(Field f) {
        return switch (f.wireType()) {
            case VARINT -> varint(f.number(), f.value());
            case FIXED32 -> fixed32(f.number(), (int) f.value());
            case FIXED64 -> {
                tag(f.number(), FIXED64);
                for (int i = 0; i < 8; i++) out.write((int) (f.value() >>> (8 * i)) & 0xFF);
                yield this;
            }
            default -> bytes(f.number(), f.bytes());
        };
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private static long readVarint(byte[] in, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= in.length) throw new IllegalArgumentException("truncated varint");
            int b = in[at[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }

    private static long littleEndian(byte[] in, int[] at, int bytes) {
        if (at[0] + bytes > in.length) throw new IllegalArgumentException("truncated fixed-width field");
        long value = 0;
        for (int i = 0; i < bytes; i++) value |= (long) (in[at[0]++] & 0xFF) << (8 * i);
        return value;
    }

    private void tag(int field, int wireType) {
        rawVarint((long) field << 3 | wireType);
    }

    private void rawVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
