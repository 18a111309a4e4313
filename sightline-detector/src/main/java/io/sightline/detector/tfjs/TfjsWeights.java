package io.sightline.detector.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a TF.js graph model, read from the shards its manifest names: float32 (widened
 * back from float16 where the converter quantised them) and int32.
 */
public final class TfjsWeights {

    /** One weight: its values little-endian in {@code content}, four bytes each. */
    public record Weight(boolean isFloat, long[] shape, ByteBuffer content) {
        public float[] floats() {
            if (!isFloat) throw new IllegalStateException("not a float weight");
            float[] values = new float[content.capacity() / Float.BYTES];
            content.duplicate().order(ByteOrder.LITTLE_ENDIAN).rewind().asFloatBuffer().get(values);
            return values;
        }

        public int[] ints() {
            if (isFloat) throw new IllegalStateException("not an int weight");
            int[] values = new int[content.capacity() / Integer.BYTES];
            content.duplicate().order(ByteOrder.LITTLE_ENDIAN).rewind().asIntBuffer().get(values);
            return values;
        }
    }

    private TfjsWeights() {}

    /** Reads all shards of all groups: weights are laid out in manifest order across the concatenated shards. */
    public static Map<String, Weight> read(JsonNode manifest, Path folder) throws IOException {
        Map<String, Weight> weights = new HashMap<>();
        for (JsonNode group : manifest) {
            List<byte[]> shards = new ArrayList<>();
            for (JsonNode path : group.path("paths")) shards.add(Files.readAllBytes(folder.resolve(path.asText())));
            ByteBuffer data = ByteBuffer.wrap(concat(shards)).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode weight : group.path("weights")) {
                weights.put(weight.path("name").asText(), readWeight(weight, data));
            }
            if (data.hasRemaining()) {
                throw new IllegalArgumentException(data.remaining() + " bytes of weights left over in " + group.path("paths"));
            }
        }
        return weights;
    }

    private static Weight readWeight(JsonNode weight, ByteBuffer data) {
        List<Long> dims = new ArrayList<>();
        long count = 1;
        for (JsonNode dim : weight.path("shape")) {
            dims.add(dim.asLong());
            count *= dim.asLong();
        }
        String dtype = weight.path("dtype").asText();
        String stored = weight.path("quantization").path("dtype").asText(dtype);
        ByteBuffer content = ByteBuffer.allocate(Math.toIntExact(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype + "/" + stored) {
            case "float32/float16" -> { for (long i = 0; i < count; i++) content.putFloat(Float.float16ToFloat(data.getShort())); }
            case "float32/float32" -> { for (long i = 0; i < count; i++) content.putFloat(data.getFloat()); }
            case "int32/int32" -> { for (long i = 0; i < count; i++) content.putInt(data.getInt()); }
            default -> throw new IllegalArgumentException("unsupported weight " + weight.path("name").asText() + " stored as " + stored + " for " + dtype);
        }
        return new Weight(dtype.equals("float32"), dims.stream().mapToLong(Long::longValue).toArray(), content.rewind());
    }

    private static byte[] concat(List<byte[]> parts) {
        int size = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        parts.forEach(all::put);
        return all.array();
    }
}
