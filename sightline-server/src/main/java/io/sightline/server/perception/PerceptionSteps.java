package io.sightline.server.perception;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.Folder;
import io.sightline.api.Segment;
import io.sightline.api.Video;
import io.sightline.engine.index.SegmentIndex;
import io.sightline.engine.index.VideoContext;
import io.sightline.engine.perception.FrameSource;
import io.sightline.engine.perception.MediaFrameSource;
import io.sightline.engine.perception.PerceptionEngine;
import io.sightline.engine.perception.PerceptionResult;
import io.sightline.media.MediaProcessor;
import io.sightline.server.folders.FolderService;
import io.sightline.server.media.MediaSteps;
import io.sightline.server.pipeline.Pipeline;
import io.sightline.server.pipeline.StepHandler;
import io.sightline.server.videos.VideoFiles;
import io.sightline.store.blob.BlobStore;
import io.sightline.store.repo.VideoRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The perception steps: {@code perceive} turns the playable video into segments (kept as
 * {@code segments.json} beside the video), {@code index} puts them into the search index.
 */
public final class PerceptionSteps {

    public static final String SEGMENTS = "segments.json";
    private static final long MAX_SEGMENTS_JSON = 512L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PerceptionSteps.class);

    private final VideoRepository videos;
    private final FolderService folders;
    private final BlobStore blobs;
    private final ObjectMapper json;
    private final Supplier<PerceptionEngine> engine;
    private final Supplier<SegmentIndex> index;
    private final MediaProcessor media = new MediaProcessor();

    /** Engine and index are suppliers so models load on first use, not at start-up. */
    public PerceptionSteps(VideoRepository videos, FolderService folders, BlobStore blobs, ObjectMapper json,
                           Supplier<PerceptionEngine> engine, Supplier<SegmentIndex> index) {
        this.videos = videos;
        this.folders = folders;
        this.blobs = blobs;
        this.json = json;
        this.engine = engine;
        this.index = index;
    }

    public void registerSteps(Pipeline pipeline) {
        pipeline.register("perceive", this::perceive).register("index", this::index);
    }

    /** Perceives the playable video and, from the same decoding, writes its storyboard (see {@code MediaSteps}). */
    private void perceive(String videoId, StepHandler.Progress progress) throws IOException {
        FrameSource withStoryboard = new MediaFrameSource(media).withStoryboard(blobs.localPath(VideoFiles.key(videoId, VideoFiles.STORYBOARD)),
                layout -> videos.updateStoryboard(videoId, MediaSteps.storyboardJson(json, layout)));
        PerceptionResult result = engine.get().withFrameSource(withStoryboard)
                .perceive(videoId, blobs.localPath(VideoFiles.key(videoId, VideoFiles.PLAYABLE)), progress::report);
        result.warnings().forEach(w -> log.info("video {}: {}", videoId, w));
        byte[] body = json.writeValueAsBytes(result.segments());
        blobs.write(VideoFiles.key(videoId, SEGMENTS), new ByteArrayInputStream(body), MAX_SEGMENTS_JSON);
    }

    private void index(String videoId, StepHandler.Progress progress) throws IOException {
        Video video = videos.find(videoId).orElseThrow(() -> new StepHandler.Permanent("video " + videoId + " is gone", null));
        Folder folder = folders.find(video.folderId()).orElseThrow();
        String orgId = videos.orgOf(videoId).orElseThrow();
        List<Segment> segments = segments(videoId).orElseThrow(() -> new IllegalStateException("video " + videoId + " has no segments yet"));
        index.get().index(segments, new VideoContext(videoId, orgId, folder.id(), video.ownerId()));
    }

    /** The stored segments of a video, if it has been perceived. */
    public Optional<List<Segment>> segments(String videoId) throws IOException {
        Optional<InputStream> in = blobs.read(VideoFiles.key(videoId, SEGMENTS));
        if (in.isEmpty()) return Optional.empty();
        try (InputStream body = in.get()) {
            return Optional.of(json.readValue(body, new TypeReference<List<Segment>>() { }));
        }
    }
}
