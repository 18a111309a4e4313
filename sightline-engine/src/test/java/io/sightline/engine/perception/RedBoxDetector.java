package io.sightline.engine.perception;

import io.sightline.vision.detect.Detection;
import io.sightline.vision.detect.ObjectDetector;
import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.List;

/**
 * A detector for generated test videos: the bounding box of strongly red pixels is a "car". It
 * stands in for the neural detector so the orchestration (tracking, motion, segments, captions,
 * index) can be tested on a video whose truth is known exactly.
 */
final class RedBoxDetector implements ObjectDetector {
    @Override
    public List<Detection> detect(RgbImage image) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1, count = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int r = image.channel(x, y, 0), g = image.channel(x, y, 1), b = image.channel(x, y, 2);
                if (r > 180 && g < 70 && b < 70) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                    count++;
                }
            }
        }
        if (count < 50) return List.of();
        Box box = new Box((double) minX / image.width(), (double) minY / image.height(),
                (double) (maxX + 1) / image.width(), (double) (maxY + 1) / image.height());
        return List.of(new Detection("car", 2, 0.9, box));
    }

    @Override
    public void close() {}
}
