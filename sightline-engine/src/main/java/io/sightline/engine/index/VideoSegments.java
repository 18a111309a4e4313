package io.sightline.engine.index;

import io.sightline.api.Segment;
import java.util.List;

/** All segments of one video, for {@link SegmentIndex#indexAll(List)}. */
public record VideoSegments(VideoContext video, List<Segment> segments) {
    public VideoSegments {
        segments = List.copyOf(segments);
        for (Segment segment : segments) {
            if (!video.videoId().equals(segment.videoId())) {
                throw new IllegalArgumentException("segment " + segment.index() + " belongs to video " + segment.videoId() + ", not " + video.videoId());
            }
        }
    }
}
