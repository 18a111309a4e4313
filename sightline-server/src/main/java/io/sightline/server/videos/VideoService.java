package io.sightline.server.videos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.Page;
import io.sightline.api.Playback;
import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.Role;
import io.sightline.api.StepState;
import io.sightline.api.User;
import io.sightline.api.Video;
import io.sightline.server.folders.FolderService;
import io.sightline.server.http.ApiException;
import io.sightline.server.playback.UrlSigner;
import io.sightline.store.blob.BlobStore;
import io.sightline.store.repo.VideoQuery;
import io.sightline.store.repo.VideoRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reading, listing and deleting videos, with the ownership rule applied to every id. */
public final class VideoService {

    public static final Duration DEFAULT_PLAYBACK_TTL = Duration.ofHours(1);
    public static final Duration MAX_PLAYBACK_TTL = Duration.ofDays(1);

    /** Called after a video's rows and files are gone, e.g. to drop it from the search index. */
    public interface DeletionListener {
        void deleted(String videoId);
    }

    private final VideoRepository videos;
    private final FolderService folders;
    private final BlobStore blobs;
    private final UrlSigner signer;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<DeletionListener> deletionListeners;

    public VideoService(VideoRepository videos, FolderService folders, BlobStore blobs, UrlSigner signer, ObjectMapper json,
                        Clock clock, List<DeletionListener> deletionListeners) {
        this.videos = videos;
        this.folders = folders;
        this.blobs = blobs;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
        this.deletionListeners = List.copyOf(deletionListeners);
    }

    /** The video if the user may see it: 404 when it does not exist, 403 when it is someone else's. */
    public Video get(User user, String id) {
        Video video = videos.find(id).orElseThrow(() -> ApiException.notFound("video " + id));
        boolean shared = folders.find(video.folderId()).map(folder -> FolderService.canSee(user, folder)).orElse(false);
        if (!video.ownerId().equals(user.id()) && !shared) throw ApiException.forbidden("video " + id);
        return video;
    }

    /** The videos the query's user may see; the query carries the user, so visibility is applied in it. */
    public Page<Video> list(VideoQuery query) {
        return videos.list(query);
    }

    public ProcessingStatus status(User user, String id) {
        get(user, id);
        return statusOf(id);
    }

    public ProcessingStatus statusOf(String id) {
        List<ProcessingStep> steps = videos.steps(id);
        StepState state = StepState.derive(steps.stream().map(ProcessingStep::state).toList());
        int percentage = steps.isEmpty() ? 0 : (int) Math.round(steps.stream().mapToInt(ProcessingStep::percentage).average().orElse(0));
        String error = steps.stream().filter(s -> s.state() == StepState.FAILED).map(s -> s.name() + ": " + s.error()).findFirst().orElse(null);
        return new ProcessingStatus(id, state, percentage, steps, error);
    }

    public Playback playback(User user, String id, Duration ttl) {
        get(user, id);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_PLAYBACK_TTL) > 0) {
            throw ApiException.badRequest("ttlSeconds must be between 1 and " + MAX_PLAYBACK_TTL.toSeconds());
        }
        if (videos.step(id, "hls").map(s -> s.state() != StepState.COMPLETED).orElse(true)) {
            throw ApiException.conflict("video " + id + " is not ready to play yet; its hls step has not completed");
        }
        Instant expires = clock.instant().plus(ttl);
        String prefix = signer.prefix(id, expires);
        boolean thumbnails = videos.step(id, "thumbnails").map(s -> s.state() == StepState.COMPLETED).orElse(false);
        Playback.Storyboard storyboard = thumbnails ? videos.storyboardJson(id).map(this::readStoryboard).orElse(null) : null;
        return new Playback(prefix + "/" + VideoFiles.HLS_PLAYLIST,
                thumbnails ? prefix + "/" + VideoFiles.POSTER : null,
                storyboard != null ? prefix + "/" + VideoFiles.STORYBOARD : null,
                storyboard, expires);
    }

    /** The owner, or an admin of the organisation for videos in an organisation folder, may delete. */
    public void delete(User user, String id) {
        Video video = get(user, id);
        if (!video.ownerId().equals(user.id()) && user.role() != Role.ADMIN) throw ApiException.forbidden("deleting video " + id);
        videos.delete(id);
        deleteFiles(id);
        deletionListeners.forEach(l -> l.deleted(id));
    }

    public void deleteFiles(String id) {
        try {
            blobs.delete(VideoFiles.prefix(id));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the files of video " + id, e);
        }
    }

    private Playback.Storyboard readStoryboard(String text) {
        try {
            return json.readValue(text, Playback.Storyboard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt storyboard layout", e);
        }
    }
}
