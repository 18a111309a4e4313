package io.sightline.motion.ego;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.sightline.vision.image.Box;
import io.sightline.vision.image.RgbImage;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Sparse optical flow with OpenCV: Shi-Tomasi corners on the previous frame (outside the excluded
 * boxes), pyramidal Lucas-Kanade to the current frame, and a forward-backward check that drops
 * points whose flow does not track back to where it started.
 */
final class LucasKanadeFlow implements AutoCloseable {
    private final EgoMotionConfig config;
    private Mat previous;
    private Mat keyframe;
    private Mat anchor;
    private int previousWidth;
    private int previousHeight;

    LucasKanadeFlow(EgoMotionConfig config) {
        this.config = config;
    }

    /** Converts the frame, tracks points from the previous frame into it, and keeps it as the new previous frame. */
    PointFlow next(RgbImage frame, List<Box> excluded) {
        Mat gray = toWorkingGray(frame);
        try {
            if (previous == null || previousWidth != gray.cols() || previousHeight != gray.rows()) {
                return new PointFlow(new double[0], new double[0], new double[0], new double[0]);
            }
            return track(previous, gray, excluded);
        } finally {
            if (previous != null) previous.close();
            previous = gray;
            previousWidth = gray.cols();
            previousHeight = gray.rows();
        }
    }

    /** Tracks points from the keyframe into the most recent frame; empty when there is no keyframe. */
    PointFlow fromKeyframe(List<Box> excluded) {
        return fromSaved(keyframe, excluded);
    }

    /** Makes the most recent frame the keyframe that later frames are compared with over a longer baseline. */
    void keepAsKeyframe() {
        if (keyframe != null) keyframe.close();
        keyframe = previous == null ? null : previous.clone();
    }

    /** Tracks points from the anchor (the last still frame) into the most recent frame. */
    PointFlow fromAnchor(List<Box> excluded) {
        return fromSaved(anchor, excluded);
    }

    void keepAsAnchor() {
        if (anchor != null) anchor.close();
        anchor = previous == null ? null : previous.clone();
    }

    private PointFlow fromSaved(Mat saved, List<Box> excluded) {
        if (saved == null || previous == null || saved.cols() != previous.cols() || saved.rows() != previous.rows()) {
            return new PointFlow(new double[0], new double[0], new double[0], new double[0]);
        }
        return track(saved, previous, excluded);
    }

    boolean hasKeyframe() {
        return keyframe != null;
    }

    /** Forgets the previous frame and the keyframe, e.g. after a gap in the sampled timeline. */
    void reset() {
        if (previous != null) previous.close();
        previous = null;
        if (keyframe != null) keyframe.close();
        keyframe = null;
        if (anchor != null) anchor.close();
        anchor = null;
    }

    private Mat toWorkingGray(RgbImage frame) {
        int width = Math.min(config.workingWidth(), frame.width());
        int height = Math.max(1, Math.round((float) frame.height() * width / frame.width()));
        try (BytePointer data = new BytePointer(frame.pixels());
             Mat rgb = new Mat(frame.height(), frame.width(), CV_8UC3, data);
             Mat fullGray = new Mat()) {
            opencv_imgproc.cvtColor(rgb, fullGray, opencv_imgproc.COLOR_RGB2GRAY);
            Mat gray = new Mat();
            if (width == frame.width()) {
                fullGray.copyTo(gray);
            } else {
                opencv_imgproc.resize(fullGray, gray, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
            }
            return gray;
        }
    }

    private PointFlow track(Mat from, Mat to, List<Box> excluded) {
        int width = from.cols();
        int height = from.rows();
        try (Mat mask = new Mat(height, width, CV_8UC1, new Scalar(255));
             Mat corners = new Mat();
             Mat forward = new Mat();
             Mat backward = new Mat();
             Mat statusForward = new Mat();
             Mat statusBackward = new Mat();
             Mat errorForward = new Mat();
             Mat errorBackward = new Mat();
             Size window = new Size(config.lkWindow(), config.lkWindow());
             TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 30, 0.01)) {
            for (Box box : excluded) {
                // A margin around each object box: its outline and shadow move with it, not with the background.
                double mx = box.width() * 0.1;
                double my = box.height() * 0.1;
                int x1 = clamp((int) Math.floor((box.x1() - mx) * width), width);
                int y1 = clamp((int) Math.floor((box.y1() - my) * height), height);
                int x2 = clamp((int) Math.ceil((box.x2() + mx) * width), width);
                int y2 = clamp((int) Math.ceil((box.y2() + my) * height), height);
                opencv_imgproc.rectangle(mask, new Point(x1, y1), new Point(x2, y2), new Scalar(0), -1, opencv_imgproc.LINE_8, 0);
            }
            opencv_imgproc.goodFeaturesToTrack(from, corners, config.maxFeatures(), 0.01, config.minFeatureDistance(), mask, 3, false, 0.04);
            int n = corners.rows();
            if (n == 0) return new PointFlow(new double[0], new double[0], new double[0], new double[0]);
            opencv_video.calcOpticalFlowPyrLK(from, to, corners, forward, statusForward, errorForward, window, config.lkPyramidLevels(), criteria, 0, 1e-4);
            opencv_video.calcOpticalFlowPyrLK(to, from, forward, backward, statusBackward, errorBackward, window, config.lkPyramidLevels(), criteria, 0, 1e-4);
            float[] start = floats(corners, n);
            float[] end = floats(forward, n);
            float[] back = floats(backward, n);
            byte[] okForward = bytes(statusForward, n);
            byte[] okBackward = bytes(statusBackward, n);
            double[] xs = new double[n], ys = new double[n], dxs = new double[n], dys = new double[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (okForward[i] == 0 || okBackward[i] == 0) continue;
                double roundTrip = Math.hypot(back[2 * i] - start[2 * i], back[2 * i + 1] - start[2 * i + 1]);
                if (roundTrip > config.forwardBackwardPixels()) continue;
                float ex = end[2 * i], ey = end[2 * i + 1];
                if (ex < 0 || ey < 0 || ex > width - 1 || ey > height - 1) continue;
                xs[kept] = (start[2 * i] - width / 2.0) / width;
                ys[kept] = (start[2 * i + 1] - height / 2.0) / width;
                dxs[kept] = (ex - start[2 * i]) / width;
                dys[kept] = (ey - start[2 * i + 1]) / width;
                kept++;
            }
            return new PointFlow(java.util.Arrays.copyOf(xs, kept), java.util.Arrays.copyOf(ys, kept),
                    java.util.Arrays.copyOf(dxs, kept), java.util.Arrays.copyOf(dys, kept));
        }
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private static float[] floats(Mat points, int n) {
        if (points.type() != CV_32FC2 || !points.isContinuous()) throw new IllegalStateException("unexpected point matrix type " + points.type());
        float[] values = new float[2 * n];
        new FloatPointer(points.data()).get(values);
        return values;
    }

    private static byte[] bytes(Mat status, int n) {
        byte[] values = new byte[n];
        status.data().get(values);
        return values;
    }

    @Override
    public void close() {
        reset();
    }
}
