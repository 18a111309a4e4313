package io.sightline.server.perception;

import io.sightline.api.ProcessingStep;
import io.sightline.api.SearchResults;
import io.sightline.api.Segment;
import io.sightline.api.StepState;
import io.sightline.api.User;
import io.sightline.api.Video;
import io.sightline.engine.index.QueryInterpretation;
import io.sightline.engine.index.SearchQuery;
import io.sightline.engine.index.SearchResult;
import io.sightline.engine.index.SegmentHit;
import io.sightline.engine.index.SegmentIndex;
import io.sightline.server.http.ApiException;
import io.sightline.server.videos.VideoService;
import io.sightline.store.repo.VideoRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Reading a video's segments and searching segments across the videos a user can see. */
public final class SegmentService {

    public static final int MAX_QUERY_LENGTH = 1000;
    private static final int OVERFETCH = 4;

    private final VideoService videos;
    private final VideoRepository videoRows;
    private final PerceptionSteps perception;
    private final Supplier<SegmentIndex> index;

    public SegmentService(VideoService videos, VideoRepository videoRows, PerceptionSteps perception, Supplier<SegmentIndex> index) {
        this.videos = videos;
        this.videoRows = videoRows;
        this.perception = perception;
        this.index = index;
    }

    public List<Segment> segments(User user, String videoId) throws IOException {
        videos.get(user, videoId);
        StepState perceive = videoRows.step(videoId, "perceive").map(ProcessingStep::state).orElse(null);
        if (perceive == null) throw ApiException.conflict("video " + videoId + " was processed without perception");
        if (perceive != StepState.COMPLETED) {
            throw ApiException.conflict("video " + videoId + " has not been perceived yet (perceive step is " + perceive.wireName() + ")");
        }
        return perception.segments(videoId).orElseThrow(() -> ApiException.conflict("video " + videoId + " has no segments"));
    }

    /**
     * Searches within the caller's organisation, then keeps only segments of videos the caller may
     * see (their own, and those in organisation folders), fetching more to make up for dropped ones.
     */
    public SearchResults search(User user, String text, String folderId, String videoId, int limit) {
        if (text == null || text.isBlank()) throw ApiException.badRequest("q is required: what to look for, e.g. 'white car approaching'");
        if (text.length() > MAX_QUERY_LENGTH) throw ApiException.badRequest("q is longer than " + MAX_QUERY_LENGTH + " characters");
        if (videoId != null) videos.get(user, videoId);
        SearchQuery.Builder query = SearchQuery.inOrg(user.orgId()).text(text.strip()).limit(Math.min(SearchQuery.MAX_LIMIT, limit * OVERFETCH));
        if (folderId != null) query.folderId(folderId);
        if (videoId != null) query.videoId(videoId);
        SearchResult result = index.get().search(query.build());
        Map<String, Optional<Video>> visible = new HashMap<>();
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (SegmentHit hit : result.hits()) {
            Optional<Video> video = visible.computeIfAbsent(hit.videoId(), id -> visibleVideo(user, id));
            if (video.isEmpty()) continue;
            hits.add(new SearchResults.Hit(hit.videoId(), video.get().name(), hit.segmentIndex(), hit.startSeconds(), hit.endSeconds(),
                    hit.caption(), hit.score(), hit.matchedBy().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList()));
            if (hits.size() == limit) break;
        }
        return new SearchResults(text.strip(), hits, result.unsupported(), describe(result.interpretation()));
    }

    private Optional<Video> visibleVideo(User user, String videoId) {
        try {
            return Optional.of(videos.get(user, videoId));
        } catch (ApiException notVisible) {
            return Optional.empty();
        }
    }

    private static List<String> describe(QueryInterpretation q) {
        List<String> filters = new ArrayList<>();
        q.objects().forEach(o -> filters.add("object: " + (o.colour() == null ? "" : o.colour() + " ") + String.join("/", o.labels())
                + (o.motions().isEmpty() ? "" : " " + String.join("/", o.motions()))));
        if (!q.lighting().isEmpty()) filters.add("lighting: " + String.join("/", q.lighting()));
        if (!q.cameraStates().isEmpty()) filters.add("camera: " + String.join("/", q.cameraStates()));
        if (!q.turns().isEmpty()) filters.add("turning: " + String.join("/", q.turns()));
        if (!q.laneChanges().isEmpty()) filters.add("lane change: " + String.join("/", q.laneChanges()));
        if (q.braking()) filters.add("camera braking");
        if (q.glare()) filters.add("glare");
        return filters;
    }
}
