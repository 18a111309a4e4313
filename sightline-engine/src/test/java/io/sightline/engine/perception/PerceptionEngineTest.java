package io.sightline.engine.perception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.api.Segment;
import io.sightline.api.Segment.SegmentObject;
import io.sightline.engine.index.BgeEmbedder;
import io.sightline.engine.index.SearchQuery;
import io.sightline.engine.index.SearchResult;
import io.sightline.engine.index.SegmentIndex;
import io.sightline.engine.index.VideoContext;
import io.sightline.media.MediaProcessor;
import io.sightline.vision.detect.Detection;
import io.sightline.vision.detect.ObjectDetector;
import io.sightline.vision.image.RgbImage;
import io.sightline.vision.embed.TextEmbedder;
import io.sightline.vision.model.ModelStore;
import io.sightline.vision.ocr.OcrEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated video through perception, the index and search, with the real OCR and text embedder. */
class PerceptionEngineTest {
    private static final String OVERLAY = "2024/05/12  14:33:07  54 km/h";
    private static final double SECONDS = 8;

    private static final FrameSource FRAMES = new MediaFrameSource(new MediaProcessor());

    @TempDir
    static Path dir;
    private static Path video;

    @BeforeAll
    static void generate() throws Exception {
        video = TestVideos.crossingBox(dir, SECONDS, OVERLAY);
    }

    @Test
    void perceive_whenBoxCrossesUnderAnOverlay_segmentsDescribeItAndAreSearchable() {
        ModelStore store = ModelStore.create(ModelStore.defaultDirectory());
        try (OcrEngine ocr = OcrEngine.create(store);
             TextEmbedder bge = TextEmbedder.create(store);
             SegmentIndex index = SegmentIndex.open(dir.resolve("index"), new BgeEmbedder(bge))) {
            List<Integer> progress = new ArrayList<>();
            PerceptionEngine engine = PerceptionEngine.builder(FRAMES).detector(new RedBoxDetector()).ocr(ocr).build();

            PerceptionResult result = engine.perceive("vid-1", video, progress::add);

            assertThat(result.segments()).hasSize(4);
            assertThat(result.segments()).extracting(Segment::startSeconds).containsExactly(0.0, 2.0, 4.0, 6.0);
            assertThat(result.frames()).isEqualTo(16);
            assertThat(progress).isSorted().endsWith(100);
            List<SegmentObject> cars = result.segments().stream().flatMap(s -> s.objects().stream()).toList();
            assertThat(cars).isNotEmpty().allSatisfy(o -> assertThat(o.label()).isEqualTo("car"));
            assertThat(cars).extracting(SegmentObject::trackId).containsOnly(cars.getFirst().trackId());
            assertThat(cars).extracting(SegmentObject::motion).contains("crossing_left_to_right")
                    .doesNotContain("crossing_right_to_left", "approaching", "receding");
            assertThat(result.segments()).allSatisfy(s -> assertThat(s.camera().state()).isIn("static", "stopped"));
            assertThat(result.segments()).allSatisfy(s -> assertThat(s.caption()).contains("Car"));

            if (TestVideos.font().isPresent()) {
                // the overlay is found in every segment; how much of it parses depends on the OCR's read of the spaces
                assertThat(result.segments()).allSatisfy(s -> assertThat(s.texts())
                        .anySatisfy(t -> assertThat(t.overlay()).isTrue()));
                List<Map<String, String>> parsed = result.segments().stream().flatMap(s -> s.texts().stream())
                        .filter(Segment.OnScreenText::overlay).map(Segment.OnScreenText::parsed).toList();
                assertThat(parsed).anySatisfy(p -> assertThat(p.get("timestamp")).startsWith("2024/05/12 14:33"));
                assertThat(parsed).anySatisfy(p -> assertThat(p).containsEntry("speed_kmh", "54"));
                assertThat(parsed).noneSatisfy(p -> assertThat(p.get("timestamp")).endsWith(":00"));
                assertThat(result.segments()).anySatisfy(s -> assertThat(s.caption()).contains("Overlay: 2024/05/12 14:33"));
            }

            index.index(result.segments(), new VideoContext("vid-1", "org-1", "folder-1", "user-1"));
            SearchResult crossing = index.search(SearchQuery.inOrg("org-1").text("vehicle crossing from left to right").build());
            assertThat(crossing.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.videoId()).isEqualTo("vid-1"));
            assertThat(crossing.hits()).allSatisfy(h -> assertThat(h.caption()).contains("crossing left to right"));
            assertThat(index.search(SearchQuery.inOrg("org-1").text("person").build()).hits()).isEmpty();
            assertThat(index.search(SearchQuery.inOrg("org-2").text("car crossing").build()).hits()).isEmpty();
            if (TestVideos.font().isPresent()) {
                assertThat(index.search(SearchQuery.inOrg("org-1").text("2024/05/12").build()).hits()).isNotEmpty()
                        .allSatisfy(h -> assertThat(h.matchedBy()).contains(io.sightline.engine.index.Retriever.TEXT));
            }
        }
    }

    @Test
    void perceive_whenDetectionIsSlowerThanReading_givesTheSameSegments() {
        // text is read on a thread of its own; what ego-motion masks of it must not depend on how far reading got
        ModelStore store = ModelStore.create(ModelStore.defaultDirectory());
        RedBoxDetector boxes = new RedBoxDetector();
        ObjectDetector slow = new ObjectDetector() {
            @Override
            public List<Detection> detect(RgbImage image) {
                try {
                    Thread.sleep(60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return boxes.detect(image);
            }

            @Override
            public void close() {}
        };
        try (OcrEngine ocr = OcrEngine.create(store)) {
            List<Segment> normal = PerceptionEngine.builder(FRAMES).detector(boxes).ocr(ocr).build()
                    .perceive("vid-3", video, ProgressListener.ignore()).segments();
            List<Segment> slowed = PerceptionEngine.builder(FRAMES).detector(slow).ocr(ocr).build()
                    .perceive("vid-3", video, ProgressListener.ignore()).segments();

            assertThat(slowed).isEqualTo(normal);
        }
    }

    @Test
    void perceive_withoutDetectorOrOcr_marksThoseFactsNotPerceived() {
        PerceptionEngine engine = PerceptionEngine.builder(FRAMES).build();

        PerceptionResult result = engine.perceive("vid-2", video, ProgressListener.ignore());

        assertThat(result.segments()).hasSize(4).allSatisfy(s -> {
            assertThat(s.objects()).isNull();
            assertThat(s.texts()).isNull();
            assertThat(s.scene()).isNotNull();
            assertThat(s.caption()).doesNotContain("Car", "No objects");
        });
        assertThat(result.warnings()).contains("no object detector configured: objects were not perceived",
                "no OCR configured: on-screen text was not read");
        assertThat(result.stageMillis()).containsKeys("decode", "ego", "scene", "segments").doesNotContainKey("detect");
        // a stage's CPU is its own thread's, so it is spent within the stage's wall time
        assertThat(result.stageCpuMillis()).containsOnlyKeys(result.stageMillis().keySet());
        assertThat(result.stageCpuMillis().get("ego")).isPositive().isLessThanOrEqualTo(result.stageMillis().get("ego") + 1);
    }

    @Test
    void perceive_whenMediaDataIsCorrupt_keepsTheDecodableFramesAndWarns() {
        Path corrupt = io.sightline.media.SyntheticVideo.corruptedCopy(video, dir.resolve("corrupt.mp4"), 6);
        PerceptionEngine engine = PerceptionEngine.builder(FRAMES).detector(new RedBoxDetector()).build();

        PerceptionResult result = engine.perceive("vid-3", corrupt, ProgressListener.ignore());

        assertThat(result.frames()).isPositive();
        assertThat(result.segments()).hasSize(4);
        assertThat(result.segments()).anySatisfy(s -> assertThat(s.objects()).isNotEmpty());
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("corrupt data"));
    }

    @Test
    void perceive_whenFileIsTruncated_failsSayingSo() throws Exception {
        byte[] bytes = Files.readAllBytes(video);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        PerceptionEngine engine = PerceptionEngine.builder(FRAMES).detector(new RedBoxDetector()).build();

        assertThatThrownBy(() -> engine.perceive("vid-4", truncated, ProgressListener.ignore()))
                .isInstanceOf(FrameDecodingException.class).hasMessageContaining("truncated");
    }

    @Test
    void open_whenVideoSampled_givesExactTimesScaledFramesAndDuration() {
        List<VideoFrame> frames = new ArrayList<>();

        try (var decoded = FRAMES.open(video, 2, 480)) {
            for (var f = decoded.next(); f.isPresent(); f = decoded.next()) frames.add(f.get());
            assertThat(decoded.durationSeconds()).isEqualTo(SECONDS);
        }

        assertThat(frames).extracting(VideoFrame::seconds).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.image().width()).isEqualTo(480);
            assertThat(f.image().height()).isEqualTo(270);
        });
    }

    @Test
    void nextDue_whenAFrameIsSampledLate_keepsLaterReadsOnTheirGrid() {
        assertThat(PerceptionEngine.nextDue(0, 2)).isEqualTo(2.0);
        assertThat(PerceptionEngine.nextDue(2.05, 2)).isEqualTo(4.0);
        assertThat(PerceptionEngine.nextDue(3.99, 2)).isEqualTo(4.0);
        assertThat(PerceptionEngine.nextDue(4.5, 5)).isEqualTo(5.0);
        assertThat(PerceptionEngine.nextDue(5.0, 5)).isEqualTo(10.0);
    }

    @Test
    void perceive_whenFileIsNotAVideo_throws() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
        PerceptionEngine engine = PerceptionEngine.builder(FRAMES).build();

        assertThatThrownBy(() -> engine.perceive("vid-4", text, ProgressListener.ignore()))
                .isInstanceOf(FrameDecodingException.class);
    }
}
