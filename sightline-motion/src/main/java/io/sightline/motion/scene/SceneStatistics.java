package io.sightline.motion.scene;

/**
 * What one frame looks like, measured on its luma (BT.601, 0-255) and colours at the analysis width.
 *
 * @param medianLuma        median brightness of the whole frame
 * @param p05Luma           5th percentile: the shadows
 * @param p95Luma           95th percentile: the highlights
 * @param skyLuma           median brightness of the top third, where a road camera sees the sky
 * @param groundLuma        median brightness of the bottom third
 * @param darkFraction      share of pixels darker than 40
 * @param saturatedFraction share of pixels at 250 or brighter (clipped), overexposed sky included
 * @param largestGlareBlob  the largest connected clipped region not touching the top border (that is overexposed
 *                          sky), as a share of the frame
 * @param glareBlobs        such regions of at least 0.01% of the frame (lamps, headlights, the sun)
 * @param sharpness         variance of the 4-neighbour Laplacian of the luma; depends on content, compare
 *                          within one video
 * @param colourfulness     Hasler and Süsstrunk (2003) M: ~0 grey, 15 slightly, 33 moderately, 45 averagely,
 *                          59 quite, 82 highly colourful
 */
public record SceneStatistics(
        double meanLuma,
        double medianLuma,
        double p05Luma,
        double p95Luma,
        double skyLuma,
        double groundLuma,
        double darkFraction,
        double saturatedFraction,
        double largestGlareBlob,
        int glareBlobs,
        double sharpness,
        double colourfulness) {}
