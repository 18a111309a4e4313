package io.sightline.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sightline.api.Page;
import io.sightline.api.Playback;
import io.sightline.api.ProcessingStatus;
import io.sightline.api.Video;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;
import io.sightline.sdk.internal.Pager;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** {@code /v1/videos}: listing, reading, deleting videos and following their processing. */
public final class VideoService {
    private static final TypeReference<Page<Video>> VIDEO_PAGE = new TypeReference<>() {};
    private static final TypeReference<java.util.List<io.sightline.api.Segment>> SEGMENTS = new TypeReference<>() {};
    static final Duration FIRST_POLL = Duration.ofMillis(500);
    static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final ApiClient api;

    VideoService(ApiClient api) {
        this.api = api;
    }

    public Page<Video> list(VideoListParams params) {
        ApiRequest request = ApiRequest.get("/v1/videos")
                .query("status", params.status().map(status -> status.wireName()).orElse(null))
                .query("folderId", params.folderId().orElse(null))
                .query("createdAfter", params.createdAfter().orElse(null))
                .query("createdBefore", params.createdBefore().orElse(null))
                .query("sort", params.sort().map(VideoListParams.Sort::wireName).orElse(null))
                .query("order", params.order().map(VideoListParams.Order::wireName).orElse(null))
                .query("offset", params.offset().orElse(null))
                .query("limit", params.limit().orElse(null));
        return api.execute(request, VIDEO_PAGE);
    }

    /**
     * Every video matching {@code params} from its offset on, fetching the next page only when the
     * stream reaches it; pages of 100 unless {@code params} sets a limit.
     */
    public Stream<Video> listAll(VideoListParams params) {
        VideoListParams.Builder pages = params.toBuilder().limit(params.limit().orElse(Pager.PAGE_SIZE));
        return Pager.stream(params.offset().orElse(0), offset -> list(pages.offset(offset).build()));
    }

    public Video get(String videoId) {
        return api.execute(ApiRequest.get("/v1/videos/{}", videoId), Video.class);
    }

    /** Removes the video with its source, derived files and rows. */
    public void delete(String videoId) {
        api.execute(ApiRequest.delete("/v1/videos/{}", videoId));
    }

    public ProcessingStatus status(String videoId) {
        return api.execute(ApiRequest.get("/v1/videos/{}/status", videoId), ProcessingStatus.class);
    }

    /** What was perceived, segment by segment, in time order; {@link ConflictException} until the video is perceived. */
    public java.util.List<io.sightline.api.Segment> segments(String videoId) {
        return api.execute(ApiRequest.get("/v1/videos/{}/segments", videoId), SEGMENTS);
    }

    /** Signed URLs valid for the server's default hour; {@link ConflictException} until HLS is ready. */
    public Playback playback(String videoId) {
        return absolute(api.execute(ApiRequest.get("/v1/videos/{}/playback", videoId), Playback.class));
    }

    /** @param ttl how long the URLs stay valid, at most a day */
    public Playback playback(String videoId, Duration ttl) {
        return absolute(api.execute(ApiRequest.get("/v1/videos/{}/playback", videoId).query("ttlSeconds", ttl.toSeconds()),
                Playback.class));
    }

    /** The server answers with server-relative URLs; SDK users get ones they can hand to any player. */
    private Playback absolute(Playback p) {
        return new Playback(api.absolute(p.hlsUrl()), api.absolute(p.posterUrl()), api.absolute(p.storyboardUrl()),
                p.storyboard(), p.expiresAt());
    }

    /** Like {@link #waitUntilProcessed(String, Duration, Consumer)} without watching the steps. */
    public Video waitUntilProcessed(String videoId, Duration timeout) {
        return waitUntilProcessed(videoId, timeout, status -> {});
    }

    /**
     * Polls the video's status, at first every half second and then less often (up to every 5 s),
     * until every step completed; towards the end, as the progress so far predicts it, more often again.
     *
     * @param onStatus told every status read, for showing progress
     * @return the processed video
     * @throws ProcessingFailedException  when a step failed, with that step's error
     * @throws ProcessingTimeoutException when {@code timeout} passed first
     */
    public Video waitUntilProcessed(String videoId, Duration timeout, Consumer<ProcessingStatus> onStatus) {
        Instant deadline = api.options().clock().instant().plus(timeout);
        Duration delay = FIRST_POLL;
        Instant firstSeen = null;
        int firstPercentage = 0;
        while (true) {
            ProcessingStatus status = status(videoId);
            Instant now = api.options().clock().instant();
            onStatus.accept(status);
            switch (status.state()) {
                case COMPLETED -> {
                    return get(videoId);
                }
                case FAILED -> throw new ProcessingFailedException(status);
                default -> {}
            }
            if (firstSeen == null) {
                firstSeen = now;
                firstPercentage = status.percentage();
            }
            Duration left = Duration.between(now, deadline);
            if (left.isNegative() || left.isZero()) throw new ProcessingTimeoutException(status, timeout);
            Duration wait = min(delay, halfTheTimeLeft(firstSeen, firstPercentage, now, status.percentage()));
            sleep(min(wait, left));
            delay = Duration.ofMillis(Math.min((long) (delay.toMillis() * 1.5), MAX_POLL.toMillis()));
        }
    }

    /**
     * Half the time the progress so far says processing still needs, never under {@link #FIRST_POLL}: near the
     * end the polls come closer together, so the end is seen soon after it happens rather than up to
     * {@link #MAX_POLL} later. {@link #MAX_POLL} while there is no progress to go by.
     */
    private static Duration halfTheTimeLeft(Instant firstSeen, int firstPercentage, Instant now, int percentage) {
        double seconds = Duration.between(firstSeen, now).toNanos() / 1e9;
        if (percentage <= firstPercentage || seconds <= 0) return MAX_POLL;
        double perSecond = (percentage - firstPercentage) / seconds;
        Duration half = Duration.ofMillis((long) (500 * Math.max(0, 100 - percentage) / perSecond));
        return half.compareTo(FIRST_POLL) < 0 ? FIRST_POLL : half;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration delay) {
        try {
            api.options().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SightlineException("interrupted while waiting for processing", e);
        }
    }
}
