package io.sightline.motion.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Judges every frame of a video in the context of its neighbours: tunnel-like darkness needs the daylight
 * before it, blur needs the sharpness of the frames around it.
 */
public final class SceneTimeline {
    private final List<SceneFrame> frames;

    private SceneTimeline(List<SceneFrame> frames) {
        this.frames = frames;
    }

    public static SceneTimeline of(List<SceneSample> samples) {
        List<SceneSample> sorted = samples.stream().sorted(Comparator.comparingDouble(SceneSample::time)).toList();
        List<Lighting> lighting = lightingInContext(sorted);
        List<SceneFrame> frames = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            SceneSample sample = sorted.get(i);
            frames.add(new SceneFrame(sample.time(), sample.statistics(), lighting.get(i), SceneRules.glare(sample.statistics()),
                    blur(sorted, i), SceneRules.monochrome(sample.statistics())));
        }
        return new SceneTimeline(List.copyOf(frames));
    }

    public List<SceneFrame> frames() {
        return frames;
    }

    /** Frames with start &lt;= time &lt; end summarised. */
    public SceneWindow window(double start, double end) {
        List<SceneFrame> in = frames.stream().filter(f -> f.time() >= start && f.time() < end).toList();
        if (in.isEmpty()) {
            return new SceneWindow(start, end, 0, Lighting.UNKNOWN, 0, 0, 0, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Map<Lighting, Integer> counts = new EnumMap<>(Lighting.class);
        for (SceneFrame frame : in) counts.merge(frame.lighting(), 1, Integer::sum);
        Map.Entry<Lighting, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double share = top.getValue() / (double) in.size();
        Lighting lighting = share > 0.5 ? top.getKey() : Lighting.UNKNOWN;
        double glare = in.stream().filter(SceneFrame::glare).count() / (double) in.size();
        int blurred = (int) in.stream().filter(f -> f.blur() == Blur.BLURRED).count();
        boolean monochrome = in.stream().allMatch(SceneFrame::monochrome);
        return new SceneWindow(start, end, in.size(), lighting, share, glare, blurred, monochrome,
                median(in, f -> f.statistics().medianLuma()), median(in, f -> f.statistics().skyLuma()),
                median(in, f -> f.statistics().sharpness()), median(in, f -> f.statistics().colourfulness()));
    }

    public List<SceneWindow> windows(double windowSeconds) {
        List<SceneWindow> result = new ArrayList<>();
        if (frames.isEmpty()) return result;
        double last = frames.getLast().time();
        for (double start = frames.getFirst().time(); start <= last; start += windowSeconds) {
            result.add(window(start, start + windowSeconds));
        }
        return result;
    }

    private static List<Lighting> lightingInContext(List<SceneSample> samples) {
        List<Lighting> result = new ArrayList<>(samples.size());
        double lastDayTime = Double.NEGATIVE_INFINITY;
        double lastDayLuma = 0;
        boolean inTunnel = false;
        for (SceneSample sample : samples) {
            SceneStatistics s = sample.statistics();
            Lighting alone = SceneRules.lighting(s);
            boolean dark = s.medianLuma() < SceneRules.NIGHT_MEDIAN_LUMA;
            if (alone == Lighting.DAY) {
                inTunnel = false;
                lastDayTime = sample.time();
                lastDayLuma = s.medianLuma();
                result.add(alone);
                continue;
            }
            if (!dark) inTunnel = false;
            boolean abruptEntry = sample.time() - lastDayTime <= SceneRules.TUNNEL_ENTRY_SECONDS
                    && lastDayLuma >= SceneRules.TUNNEL_DARKENING * Math.max(1, s.medianLuma());
            if (dark && (inTunnel || abruptEntry)) {
                inTunnel = true;
                result.add(Lighting.TUNNEL_LIKE);
            } else {
                result.add(alone);
            }
        }
        return result;
    }

    private static Blur blur(List<SceneSample> samples, int index) {
        double time = samples.get(index).time();
        // Samples are sorted by time: walk out from the index instead of scanning the whole video.
        int from = index, to = index;
        while (from > 0 && time - samples.get(from - 1).time() <= SceneRules.BLUR_NEIGHBOURHOOD_SECONDS) from--;
        while (to < samples.size() - 1 && samples.get(to + 1).time() - time <= SceneRules.BLUR_NEIGHBOURHOOD_SECONDS) to++;
        if (to - from + 1 < SceneRules.BLUR_MIN_NEIGHBOURS) return Blur.UNKNOWN;
        double[] neighbours = new double[to - from + 1];
        for (int i = from; i <= to; i++) neighbours[i - from] = samples.get(i).statistics().sharpness();
        Arrays.sort(neighbours);
        double median = neighbours[neighbours.length / 2];
        return samples.get(index).statistics().sharpness() < SceneRules.BLURRED_SHARPNESS_RATIO * median ? Blur.BLURRED : Blur.NORMAL;
    }

    private static double median(List<SceneFrame> frames, java.util.function.ToDoubleFunction<SceneFrame> value) {
        double[] values = frames.stream().mapToDouble(value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
