package io.sightline.motion.scene;

/**
 * The scene over a window of time. Numbers are medians over the window's frames.
 *
 * @param lighting       the lighting of most frames, {@link Lighting#UNKNOWN} when none has a majority
 * @param lightingShare  share of frames with that lighting
 * @param glareShare     share of frames with glare
 * @param blurredFrames  frames much blurrier than their neighbourhood in the video
 */
public record SceneWindow(
        double start,
        double end,
        int frames,
        Lighting lighting,
        double lightingShare,
        double glareShare,
        int blurredFrames,
        boolean monochrome,
        double medianLuma,
        double skyLuma,
        double sharpness,
        double colourfulness) {}
