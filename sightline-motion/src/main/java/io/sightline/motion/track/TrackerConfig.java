package io.sightline.motion.track;

/**
 * ByteTrack settings. Defaults suit a detector whose true objects score 0.3-0.7 (the CenterNet in
 * MODELS.md); calibrate the score thresholds to the detector in use, not to a clip.
 *
 * @param highScore        detections at or above this take part in the first association
 * @param lowScore         detections between this and highScore only extend existing tracks (ByteTrack's second
 *                         association: occluded or blurred objects score low but are still there)
 * @param newTrackScore    an unmatched detection starts a track only at or above this
 * @param firstMatchSimilarity  minimum similarity (see {@code matchSimilarity}) for high-score detections, against
 *                         confirmed tracks and then against unconfirmed ones
 * @param secondMatchSimilarity minimum similarity for low-score detections (stricter: they are less certain)
 * @param centreGate       when boxes do not overlap (a big jump between sparse frames), a match is still possible
 *                         while the centres are closer than this many box diagonals and the heights differ by less
 *                         than a factor of two; such a match scores at most 0.5, below any solid overlap. At 2 fps a
 *                         pedestrian crossing at 1.5 m/s moves ~0.4 of its diagonal a frame, a scooter at 18 km/h
 *                         over one; before the Kalman filter has a velocity, only this gate can follow them
 * @param minHits          observations before a track is confirmed and gets an id (birth)
 * @param maxMisses        consecutive frames without a match after which a track ends (death)
 * @param motion           thresholds of the relative-motion rules
 */
public record TrackerConfig(
        double highScore,
        double lowScore,
        double newTrackScore,
        double firstMatchSimilarity,
        double secondMatchSimilarity,
        double centreGate,
        int minHits,
        int maxMisses,
        MotionThresholds motion) {

    public static TrackerConfig defaults() {
        return new TrackerConfig(0.4, 0.1, 0.45, 0.2, 0.3, 1.5, 2, 5, MotionThresholds.defaults());
    }
}
