package io.sightline.store.repo;

import io.sightline.api.MediaInfo;
import io.sightline.api.Page;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.api.Video;
import java.util.List;
import java.util.Optional;

/** Videos and the state of their processing steps; a video's status is kept derived from its steps. */
public interface VideoRepository {

    /** Inserts the video with its steps, all pending. */
    Video create(Video video, String orgId, List<String> steps, String sourceUrl);

    Optional<Video> find(String id);

    Optional<String> sourceUrl(String id);

    /** The organisation the video belongs to (its owner's when it was created). */
    Optional<String> orgOf(String id);

    Page<Video> list(VideoQuery query);

    void delete(String id);

    void updateName(String id, String name);

    void updateSize(String id, long sizeBytes);

    void updateMedia(String id, MediaInfo media);

    Optional<String> storyboardJson(String id);

    void updateStoryboard(String id, String json);

    List<ProcessingStep> steps(String videoId);

    Optional<ProcessingStep> step(String videoId, String name);

    /** A step starts (again): in progress, 0 %, one more attempt, error cleared. */
    void startStep(String videoId, String name);

    void progressStep(String videoId, String name, int percentage);

    /** A retryable failure: stays in progress, with the error shown. */
    void retryStep(String videoId, String name, String error);

    void finishStep(String videoId, String name, StepState finalState, String error);

    /** Ids of videos with a step neither completed nor failed, for resuming work after a restart. */
    List<String> unfinished();
}
