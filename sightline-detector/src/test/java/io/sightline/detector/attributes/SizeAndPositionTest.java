package io.sightline.detector.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import org.junit.jupiter.api.Test;

class SizeAndPositionTest {
    @Test
    void sizeClassOf_whenAreaCrossesTheLimits_changesClass() {
        assertThat(SizeClass.of(new Box(0, 0, 0.05, 0.1))).isEqualTo(SizeClass.SMALL);
        assertThat(SizeClass.of(new Box(0, 0, 0.2, 0.2))).isEqualTo(SizeClass.MEDIUM);
        assertThat(SizeClass.of(new Box(0, 0, 0.4, 0.3))).isEqualTo(SizeClass.LARGE);
    }

    @Test
    void framePositionOf_whenBoxOnTheLeftLowInTheFrame_isLeftNear() {
        FramePosition position = FramePosition.of(new Box(0.0, 0.5, 0.25, 0.85));

        assertThat(position).isEqualTo(new FramePosition(FramePosition.Horizontal.LEFT, FramePosition.Depth.NEAR));
    }

    @Test
    void framePositionOf_whenBoxAtTheHorizonOnTheRight_isRightFar() {
        FramePosition position = FramePosition.of(new Box(0.7, 0.4, 0.75, 0.48));

        assertThat(position).isEqualTo(new FramePosition(FramePosition.Horizontal.RIGHT, FramePosition.Depth.FAR));
    }

    @Test
    void framePositionOf_whenBoxCentredMidway_isCenterMiddle() {
        FramePosition position = FramePosition.of(new Box(0.4, 0.45, 0.6, 0.65));

        assertThat(position).isEqualTo(new FramePosition(FramePosition.Horizontal.CENTER, FramePosition.Depth.MIDDLE));
    }

    @Test
    void boxAttributesOf_whenCalled_combinesColourSizeAndPosition() {
        byte[] px = new byte[100 * 100 * 3];
        for (int i = 0; i < px.length; i += 3) px[i] = (byte) 200;

        BoxAttributes attributes = BoxAttributes.of(new RgbImage(100, 100, px), new Box(0.7, 0.6, 1.0, 0.95));

        assertThat(attributes.color()).isEqualTo(ColorName.RED);
        assertThat(attributes.size()).isEqualTo(SizeClass.LARGE);
        assertThat(attributes.position().horizontal()).isEqualTo(FramePosition.Horizontal.RIGHT);
        assertThat(attributes.position().depth()).isEqualTo(FramePosition.Depth.NEAR);
    }
}
