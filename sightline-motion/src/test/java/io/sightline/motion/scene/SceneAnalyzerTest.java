package io.sightline.motion.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.motion.SyntheticScene;
import io.sightline.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneAnalyzerTest {
    private final SceneAnalyzer analyzer = SceneAnalyzer.create();

    /** A road-camera-like frame: a sky band over a textured ground, both scaled by {@code light}. */
    private static RgbImage landscape(int skyLuma, double light) {
        RgbImage ground = SyntheticScene.textured(640, 360, 3).view(640, 360, 320, 180, 1, 0);
        byte[] pixels = ground.pixels().clone();
        for (int y = 0; y < 360; y++) {
            for (int x = 0; x < 640; x++) {
                int o = (y * 640 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int value = y < 130 ? skyLuma + (c == 2 ? 10 : 0) : pixels[o + c] & 0xff;
                    pixels[o + c] = (byte) Math.min(255, Math.round(value * light));
                }
            }
        }
        return new RgbImage(640, 360, pixels);
    }

    private static RgbImage uniform(int width, int height, int r, int g, int b) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            pixels[3 * i] = (byte) r;
            pixels[3 * i + 1] = (byte) g;
            pixels[3 * i + 2] = (byte) b;
        }
        return new RgbImage(width, height, pixels);
    }

    private static RgbImage boxBlur(RgbImage image, int radius) {
        int w = image.width(), h = image.height();
        byte[] out = new byte[image.pixels().length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0, count = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            int xx = Math.clamp(x + dx, 0, w - 1), yy = Math.clamp(y + dy, 0, h - 1);
                            sum += image.channel(xx, yy, c);
                            count++;
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) (sum / count);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    @Test
    void lighting_whenSkyBright_isDay() {
        SceneStatistics stats = analyzer.measure(landscape(200, 1.0));

        assertThat(stats.skyLuma()).isGreaterThan(180);
        assertThat(SceneRules.lighting(stats)).isEqualTo(Lighting.DAY);
    }

    @Test
    void lighting_whenFrameDark_isNight() {
        SceneStatistics stats = analyzer.measure(landscape(200, 0.08));

        assertThat(stats.medianLuma()).isLessThan(30);
        assertThat(SceneRules.lighting(stats)).isEqualTo(Lighting.NIGHT);
    }

    @Test
    void lighting_whenSkyDimButBrighterThanGround_isDuskDawn() {
        SceneStatistics stats = analyzer.measure(landscape(200, 0.45));

        assertThat(SceneRules.lighting(stats)).isEqualTo(Lighting.DUSK_DAWN);
    }

    @Test
    void lighting_whenTopDarkButBottomBright_isUnknown() {
        // Neither a night nor a day nor a twilight picture: say so instead of guessing.
        byte[] pixels = uniform(320, 180, 20, 20, 20).pixels();
        for (int i = 320 * 60 * 3; i < pixels.length; i++) pixels[i] = (byte) 90;
        SceneStatistics stats = analyzer.measure(new RgbImage(320, 180, pixels));

        assertThat(SceneRules.lighting(stats)).isEqualTo(Lighting.UNKNOWN);
    }

    @Test
    void sharpness_whenImageBlurred_isLowerThanSharpOriginal() {
        RgbImage sharp = landscape(200, 1.0);
        RgbImage blurred = boxBlur(sharp, 3);

        assertThat(analyzer.measure(blurred).sharpness()).isLessThan(analyzer.measure(sharp).sharpness() * 0.5);
    }

    @Test
    void measure_whenLargeClippedDisc_reportsGlare() {
        RgbImage frame = landscape(120, 1.0);
        byte[] pixels = frame.pixels().clone();
        for (int y = 20; y < 80; y++) {
            for (int x = 400; x < 460; x++) {
                if (Math.hypot(x - 430, y - 50) <= 30) for (int c = 0; c < 3; c++) pixels[(y * 640 + x) * 3 + c] = (byte) 255;
            }
        }
        SceneStatistics withSun = analyzer.measure(new RgbImage(640, 360, pixels));

        assertThat(withSun.largestGlareBlob()).isBetween(0.01, 0.02);
        assertThat(SceneRules.glare(withSun)).isTrue();
        assertThat(SceneRules.glare(analyzer.measure(frame))).isFalse();
    }

    @Test
    void measure_whenSkyClippedAtTopBorder_reportsNoGlare() {
        SceneStatistics stats = analyzer.measure(landscape(255, 1.0));

        assertThat(stats.saturatedFraction()).isGreaterThan(0.3);
        assertThat(SceneRules.glare(stats)).isFalse();
    }

    @Test
    void colourfulness_whenGrey_isMonochromeAndColourIsNot() {
        assertThat(SceneRules.monochrome(analyzer.measure(uniform(64, 36, 128, 128, 128)))).isTrue();
        assertThat(SceneRules.monochrome(analyzer.measure(landscape(200, 1.0)))).isFalse();
        assertThat(analyzer.measure(landscape(200, 1.0)).colourfulness()).isGreaterThan(30);
    }

    @Test
    void measure_whenFrameLargerThanAnalysisWidth_givesSimilarBrightness() {
        RgbImage small = landscape(200, 0.7);
        RgbImage large = upscale(small, 2);

        SceneStatistics a = analyzer.measure(small), b = analyzer.measure(large);
        assertThat(b.medianLuma()).isCloseTo(a.medianLuma(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(b.skyLuma()).isCloseTo(a.skyLuma(), org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void timeline_whenDaylightDropsAbruptly_isTunnelLikeUntilDaylightReturns() {
        SceneStatistics day = analyzer.measure(landscape(200, 1.0));
        SceneStatistics dark = analyzer.measure(landscape(200, 0.08));
        List<SceneSample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double t = i * 0.5;
            samples.add(new SceneSample(t, t < 5 || t >= 10 ? day : dark));
        }

        SceneTimeline timeline = SceneTimeline.of(samples);
        assertThat(timeline.window(0, 5).lighting()).isEqualTo(Lighting.DAY);
        assertThat(timeline.window(5, 10).lighting()).isEqualTo(Lighting.TUNNEL_LIKE);
        assertThat(timeline.window(10, 15).lighting()).isEqualTo(Lighting.DAY);
    }

    @Test
    void timeline_whenDarkFromTheStart_isNightNotTunnel() {
        SceneStatistics dark = analyzer.measure(landscape(200, 0.08));
        List<SceneSample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) samples.add(new SceneSample(i * 0.5, dark));

        assertThat(SceneTimeline.of(samples).window(0, 5).lighting()).isEqualTo(Lighting.NIGHT);
    }

    @Test
    void timeline_whenOneFrameSmeared_flagsOnlyThatFrameBlurred() {
        RgbImage sharp = landscape(200, 1.0);
        SceneStatistics sharpStats = analyzer.measure(sharp);
        SceneStatistics smeared = analyzer.measure(boxBlur(sharp, 4));
        List<SceneSample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) samples.add(new SceneSample(i * 0.5, i == 6 ? smeared : sharpStats));

        List<SceneFrame> frames = SceneTimeline.of(samples).frames();
        assertThat(frames.get(6).blur()).isEqualTo(Blur.BLURRED);
        assertThat(frames).filteredOn(f -> f.blur() == Blur.BLURRED).hasSize(1);
        assertThat(SceneTimeline.of(samples.subList(0, 3)).frames()).allSatisfy(f -> assertThat(f.blur()).isEqualTo(Blur.UNKNOWN));
    }

    private static RgbImage upscale(RgbImage image, int factor) {
        int w = image.width() * factor, h = image.height() * factor;
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = (byte) image.channel(x / factor, y / factor, c);
            }
        }
        return new RgbImage(w, h, out);
    }
}
