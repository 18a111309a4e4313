package io.sightline.server.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.MediaInfo;
import io.sightline.api.Playback;
import io.sightline.media.MediaException;
import io.sightline.media.MediaProcessor;
import io.sightline.media.ProbeResult;
import io.sightline.media.StoryboardLayout;
import io.sightline.server.pipeline.Pipeline;
import io.sightline.server.pipeline.StepHandler;
import io.sightline.server.videos.VideoFiles;
import io.sightline.store.blob.BlobStore;
import io.sightline.store.repo.VideoRepository;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * The media steps of the pipeline — probe, transcode (or remux), HLS, thumbnails — as thin
 * adapters from stored blobs to {@link MediaProcessor}. Each reads its input from the blob store
 * and writes its output atomically, so re-running a step is harmless.
 */
public final class MediaSteps implements SourceProbe {

    private final VideoRepository videos;
    private final BlobStore blobs;
    private final ObjectMapper json;
    private final MediaProcessor processor = new MediaProcessor();

    public MediaSteps(VideoRepository videos, BlobStore blobs, ObjectMapper json) {
        this.videos = videos;
        this.blobs = blobs;
        this.json = json;
    }

    public void registerSteps(Pipeline pipeline) {
        pipeline.register("probe", this::probeStep)
                .register("transcode", this::transcode)
                .register("hls", this::hls)
                .register("thumbnails", this::thumbnails);
    }

    @Override
    public MediaInfo probe(Path file) {
        try {
            return toMediaInfo(processor.probe(file));
        } catch (MediaException e) {
            throw new NotAVideo(e.getMessage(), e);
        }
    }

    private void probeStep(String videoId, StepHandler.Progress progress) {
        try {
            videos.updateMedia(videoId, probe(source(videoId)));
        } catch (NotAVideo e) {
            throw new StepHandler.Permanent("not a video Sightline can read: " + e.getMessage(), e);
        }
    }

    private void transcode(String videoId, StepHandler.Progress progress) {
        Path source = source(videoId);
        ProbeResult probe = processor.probe(source);
        processor.prepare(source, probe, file(videoId, VideoFiles.PLAYABLE), progress::report);
    }

    private void hls(String videoId, StepHandler.Progress progress) {
        Path playable = file(videoId, VideoFiles.PLAYABLE);
        processor.packageHls(playable, file(videoId, VideoFiles.HLS_DIR), duration(videoId), progress::report);
    }

    /**
     * The poster and the storyboard. A video that will be perceived gets a storyboard of its keyframes
     * only, at a fraction of the cost: the perceive step replaces it with the exact one, made from
     * the decoding perception does anyway, instead of this step decoding every frame as well.
     */
    private void thumbnails(String videoId, StepHandler.Progress progress) throws Exception {
        Path playable = file(videoId, VideoFiles.PLAYABLE);
        double duration = duration(videoId);
        processor.poster(playable, file(videoId, VideoFiles.POSTER), duration);
        progress.report(30);
        Path storyboard = file(videoId, VideoFiles.STORYBOARD);
        IntConsumer storyboardProgress = percentage -> progress.report(30 + percentage * 70 / 100);
        StoryboardLayout layout = videos.step(videoId, "perceive").isPresent()
                ? processor.storyboardFromKeyframes(playable, storyboard, duration, storyboardProgress)
                : processor.storyboard(playable, storyboard, duration, storyboardProgress);
        videos.updateStoryboard(videoId, storyboardJson(json, layout));
    }

    /** How a storyboard's layout is stored with its video (and served in {@link Playback}). */
    public static String storyboardJson(ObjectMapper json, StoryboardLayout layout) {
        try {
            return json.writeValueAsString(new Playback.Storyboard(layout.columns(), layout.rows(),
                    layout.tileWidth(), layout.tileHeight(), layout.intervalSeconds(), layout.tiles()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private double duration(String videoId) {
        return videos.find(videoId).map(v -> v.media() == null ? 0 : v.media().durationSeconds()).orElse(0.0);
    }

    private Path source(String videoId) {
        return file(videoId, VideoFiles.SOURCE);
    }

    private Path file(String videoId, String name) {
        return blobs.localPath(VideoFiles.key(videoId, name));
    }

    private static MediaInfo toMediaInfo(ProbeResult p) {
        return new MediaInfo(p.container(), p.durationSeconds(), p.width(), p.height(), p.fps(), p.videoCodec(),
                p.audioCodec(), p.rotation(), p.variableFrameRate(), p.bitRate());
    }
}
