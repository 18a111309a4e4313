package io.sightline.vision.detect;

import io.sightline.vision.image.RgbImage;
import java.util.List;

/** Finds objects in a frame. Implementations are plugins (see sightline-detector); callers depend only on this. */
public interface ObjectDetector extends AutoCloseable {

    /** Detections after non-maximum suppression, best first. */
    List<Detection> detect(RgbImage image);

    @Override
    void close();
}
