package io.sightline.motion.scene;

/**
 * The thresholds that turn scene numbers into words, and why they sit where they do. Video is
 * gamma-encoded and auto-exposed, so light levels compress into 0-255 luma; the rules use wide bands and
 * the sky region, which exposure control cannot fake: a daylight sky clips or sits near the top of the
 * range, a night sky stays near black even with gain, twilight lies between.
 */
public final class SceneRules {
    /** Night: the top third (sky) below this ... */
    public static final double NIGHT_SKY_LUMA = 50;
    /** ... and most of the frame below this. */
    public static final double NIGHT_MEDIAN_LUMA = 60;
    /** Day: a sky at least this bright with a frame not mostly dark ... */
    public static final double DAY_SKY_LUMA = 120;
    public static final double DAY_MIN_MEDIAN_LUMA = 60;
    /** ... or a frame this bright overall whatever its top (a camera tilted down, a lit room). */
    public static final double DAY_MEDIAN_LUMA = 100;
    /** Dusk or dawn: a sky between night and day that is still the brightest part (sky light dominates). */
    public static final double DUSK_MAX_MEDIAN_LUMA = 100;
    /** Tunnel-like: darkness within this many seconds after a daylight frame ... */
    public static final double TUNNEL_ENTRY_SECONDS = 3;
    /** ... that is at least this many times darker than it (a drop no sunset makes in seconds). */
    public static final double TUNNEL_DARKENING = 2.5;
    /** A clipped region of 1% of the frame is glare; single lamps and reflections stay far below. */
    public static final double GLARE_BLOB_FRACTION = 0.01;
    /** Colourfulness below 3 (Hasler-Süsstrunk; "not colourful" is 0, "slightly" 15) is a grey picture. */
    public static final double MONOCHROME_COLOURFULNESS = 3;
    /** A frame with less than 35% of the median sharpness of its neighbours is blurred. */
    public static final double BLURRED_SHARPNESS_RATIO = 0.35;
    /** Neighbours for the blur comparison: frames within this many seconds ... */
    public static final double BLUR_NEIGHBOURHOOD_SECONDS = 5;
    /** ... of which there must be at least this many. */
    public static final int BLUR_MIN_NEIGHBOURS = 5;

    private SceneRules() {}

    /** The lighting of a frame on its own; {@link SceneTimeline} adds {@link Lighting#TUNNEL_LIKE} from context. */
    public static Lighting lighting(SceneStatistics s) {
        if (s.skyLuma() < NIGHT_SKY_LUMA && s.medianLuma() < NIGHT_MEDIAN_LUMA) return Lighting.NIGHT;
        if ((s.skyLuma() >= DAY_SKY_LUMA && s.medianLuma() >= DAY_MIN_MEDIAN_LUMA) || s.medianLuma() >= DAY_MEDIAN_LUMA) return Lighting.DAY;
        if (s.skyLuma() >= NIGHT_SKY_LUMA && s.skyLuma() < DAY_SKY_LUMA && s.medianLuma() < DUSK_MAX_MEDIAN_LUMA
                && s.skyLuma() >= s.groundLuma()) {
            return Lighting.DUSK_DAWN;
        }
        return Lighting.UNKNOWN;
    }

    public static boolean glare(SceneStatistics s) {
        return s.largestGlareBlob() >= GLARE_BLOB_FRACTION;
    }

    public static boolean monochrome(SceneStatistics s) {
        return s.colourfulness() < MONOCHROME_COLOURFULNESS;
    }
}
