package io.sightline.vision.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.vision.onnx.Protobuf.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufTest {
    @Test
    void fields_whenWritten_readBackInOrderWithTheirWireTypes() {
        byte[] message = new Protobuf().varint(1, 300).fixed32(2, Float.floatToRawIntBits(1 / 6f)).string(3, "Conv")
                .message(4, new Protobuf().varint(1, -1)).toByteArray();

        List<Field> fields = Protobuf.fields(message);

        assertThat(fields).extracting(Field::number).containsExactly(1, 2, 3, 4);
        assertThat(fields.get(0).value()).isEqualTo(300);
        assertThat(Float.intBitsToFloat((int) fields.get(1).value())).isEqualTo(1 / 6f);
        assertThat(fields.get(2).string()).isEqualTo("Conv");
        assertThat(Protobuf.fields(fields.get(3).bytes()).get(0).value()).isEqualTo(-1);
    }

    @Test
    void field_whenCopied_writesTheSameBytes() {
        byte[] message = new Protobuf().varint(7, 1L << 40).fixed32(9, 0xCAFEBABE).bytes(11, new byte[] {1, 2, 3}).toByteArray();
        Protobuf copy = new Protobuf();
        Protobuf.fields(message).forEach(copy::field);

        assertThat(copy.toByteArray()).isEqualTo(message);
    }

    @Test
    void packedVarints_readEveryValue() {
        byte[] packed = new Protobuf().varint(1, 3).varint(1, 200).varint(1, 0).toByteArray();
        // a packed payload is the values without tags: drop the tag byte before each
        byte[] values = {packed[1], packed[3], packed[4], packed[6]};

        assertThat(Protobuf.packedVarints(values)).containsExactly(3L, 200L, 0L);
    }

    @Test
    void fields_whenALengthRunsPastTheEnd_fail() {
        byte[] truncated = {0x1A, 0x05, 'C', 'o'};

        assertThatThrownBy(() -> Protobuf.fields(truncated)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past");
    }
}
