package io.sightline.engine.perception;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.Optional;

/** Names the dominant colour of an object's box ("white", "red" ...); empty when it cannot tell. */
public interface BoxColour {
    Optional<String> colourOf(RgbImage image, Box box);

    /** For when no colour namer is available: every object's colour stays unknown. */
    static BoxColour none() {
        return (image, box) -> Optional.empty();
    }
}
