package io.sightline.motion.scene;

/**
 * One frame's scene judgement and the numbers behind it.
 *
 * @param glare      a clipped region of at least {@link SceneRules#GLARE_BLOB_FRACTION} of the frame: the sun,
 *                   close headlights, or an overexposed window
 * @param monochrome colourfulness below {@link SceneRules#MONOCHROME_COLOURFULNESS}: a grey picture (infrared night
 *                   mode, black-and-white camera)
 */
public record SceneFrame(double time, SceneStatistics statistics, Lighting lighting, boolean glare, Blur blur, boolean monochrome) {}
