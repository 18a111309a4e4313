package io.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
    private final CtcDecoder decoder = new CtcDecoder(List.of("a", "b", "0"));

    /** One time step per class index, each with probability p on that class. */
    private float[] steps(int[] classes, float p) {
        int n = decoder.classes();
        float[] probabilities = new float[classes.length * n];
        for (int t = 0; t < classes.length; t++) {
            for (int c = 0; c < n; c++) probabilities[t * n + c] = (1 - p) / (n - 1);
            probabilities[t * n + classes[t]] = p;
        }
        return probabilities;
    }

    @Test
    void decode_whenRepeatsAndBlanks_collapsesRepeatsButKeepsBlankSeparatedDoubles() {
        // classes: 0 blank, 1 "a", 2 "b", 3 "0", 4 space
        float[] p = steps(new int[] {1, 1, 0, 1, 2, 2, 4, 3, 0, 3}, 0.9f);

        CtcDecoder.Decoded d = decoder.decode(p, 0, 10, decoder.classes());

        assertThat(d.text()).isEqualTo("aab 00");
        assertThat(d.confidence()).isCloseTo(0.9, within(1e-6));
    }

    @Test
    void decode_whenOnlyBlanks_returnsEmptyWithZeroConfidence() {
        CtcDecoder.Decoded d = decoder.decode(steps(new int[] {0, 0, 0}, 0.99f), 0, 3, decoder.classes());

        assertThat(d.text()).isEmpty();
        assertThat(d.confidence()).isZero();
    }

    @Test
    void decode_whenOffsetIntoBatch_readsOnlyThatSequence() {
        float[] first = steps(new int[] {1, 0}, 0.9f);
        float[] second = steps(new int[] {2, 0}, 0.8f);
        float[] batch = new float[first.length + second.length];
        System.arraycopy(first, 0, batch, 0, first.length);
        System.arraycopy(second, 0, batch, first.length, second.length);

        assertThat(decoder.decode(batch, first.length, 2, decoder.classes()).text()).isEqualTo("b");
    }
}
