package io.sightline.detector.attributes;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;

/** What can be said about one detected box from its pixels and its place in the frame. */
public record BoxAttributes(ColorName color, SizeClass size, FramePosition position) {

    public static BoxAttributes of(RgbImage image, Box box) {
        return new BoxAttributes(DominantColor.of(image, box), SizeClass.of(box), FramePosition.of(box));
    }
}
