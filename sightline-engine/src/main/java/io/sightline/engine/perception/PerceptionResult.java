package io.sightline.engine.perception;

import io.sightline.api.Segment;
import java.util.List;
import java.util.Map;

/**
 * What perception made of one video.
 *
 * @param segments        in time order, captions written
 * @param warnings        what went wrong without failing the video (corrupt frames skipped, stages left out)
 * @param durationSeconds up to the last sampled frame
 * @param frames          frames sampled
 * @param stageMillis     total wall time per stage ({@code decode}, {@code detect}, {@code colour}, {@code track},
 *                        {@code ego}, {@code scene}, {@code ocr}, {@code overlay}, {@code segments})
 * @param stageCpuMillis  CPU time of this JVM's threads per stage: below the wall time where a stage waits (for
 *                        {@code decode}, on ffmpeg, whose own CPU is not counted) or shares a core with another
 */
public record PerceptionResult(List<Segment> segments, List<String> warnings, double durationSeconds, int frames,
                               Map<String, Double> stageMillis, Map<String, Double> stageCpuMillis) {
    public PerceptionResult {
        segments = List.copyOf(segments);
        warnings = List.copyOf(warnings);
        stageMillis = Map.copyOf(stageMillis);
        stageCpuMillis = Map.copyOf(stageCpuMillis);
    }
}
