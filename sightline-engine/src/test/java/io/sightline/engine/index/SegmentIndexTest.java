package io.sightline.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.api.Segment;
import io.sightline.api.Segment.BoxAt;
import io.sightline.api.Segment.CameraMotion;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.api.Segment.SceneInfo;
import io.sightline.api.Segment.SegmentObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentIndexTest {

    @TempDir
    Path dir;
    private SegmentIndex index;

    private static final VideoContext DASHCAM = new VideoContext("v-dash", "org-a", "folder-1", "user-1");
    private static final VideoContext LOBBY = new VideoContext("v-lobby", "org-a", "folder-2", "user-2");
    private static final VideoContext OTHER_ORG = new VideoContext("v-other", "org-b", "folder-9", "user-9");

    @BeforeEach
    void open() {
        index = SegmentIndex.open(dir, new HashingEmbedder());
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static SegmentObject object(String label, String colour, String motion) {
        return new SegmentObject(label + "-" + motion, label, colour, 0.7, motion, 0.4, null, List.of(new BoxAt(0, 0.4, 0.4, 0.6, 0.6)));
    }

    private static Segment segment(String videoId, int index, String lighting, String cameraState, List<SegmentObject> objects,
                                   List<OnScreenText> texts) {
        return new Segment(videoId, index, index * 2.0, index * 2.0 + 2, null, objects, texts,
                new CameraMotion(cameraState, "straight", "none", false, 0), new SceneInfo(lighting, false, 0.5, 100, 0.2));
    }

    private static List<Segment> dashcam(String videoId) {
        return List.of(
                segment(videoId, 0, "day", "moving", List.of(object("car", "white", "approaching")), List.of()),
                segment(videoId, 1, "day", "stopped", List.of(object("motorcycle", null, "crossing_left_to_right")),
                        List.of(new OnScreenText("2015/09/18 07:53:29 54km/h", true, 2.5, 0, 0.9, 0.5, 1,
                                Map.of("timestamp", "2015/09/18 07:53:29", "speed_kmh", "54")))),
                segment(videoId, 2, "night", "moving", List.of(object("truck", "red", "cutting_in")), List.of()),
                // white and car and approaching, but not one white car approaching
                segment(videoId, 3, "day", "moving", List.of(object("truck", "white", "stationary"), object("car", "red", "approaching")), List.of()));
    }

    private static List<Segment> lobby(String videoId) {
        return List.of(
                segment(videoId, 0, "unknown", "static", List.of(object("person", null, "crossing_right_to_left")),
                        List.of(new OnScreenText("EXIT", false, 0.5, 0.4, 0.1, 0.5, 0.15, Map.of()))),
                segment(videoId, 1, "unknown", "static", List.of(), List.of()));
    }

    private SearchResult search(String text) {
        return index.search(SearchQuery.inOrg("org-a").text(text).build());
    }

    private static List<String> keys(SearchResult result) {
        return result.hits().stream().map(h -> h.videoId() + "#" + h.segmentIndex()).toList();
    }

    @Test
    void search_whenWordInCaption_findsSegmentByBm25() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        SearchResult result = index.search(SearchQuery.inOrg("org-a").text("motorcycle").interpretText(false).build());

        assertThat(result.hits().getFirst().segmentIndex()).isEqualTo(1);
        assertThat(result.hits().getFirst().matchedBy()).contains(Retriever.TEXT);
        assertThat(result.hits().getFirst().caption()).isEqualTo(
                "Daytime. Camera car stopped. Motorcycle crossing left to right. Overlay: 2015/09/18 07:53:29, 54 km/h.");
        assertThat(result.hits().getFirst().startSeconds()).isEqualTo(2.0);
        assertThat(result.hits().getFirst().endSeconds()).isEqualTo(4.0);
    }

    @Test
    void search_whenOverlayValueSearched_findsItInOnScreenText() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        assertThat(keys(search("54km/h"))).first().isEqualTo("v-dash#1");
    }

    @Test
    void search_whenNoWordShared_findsSegmentByVectorOnly() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        SearchResult result = index.search(SearchQuery.inOrg("org-a").text("motorbike").interpretText(false).build());

        assertThat(result.hits().getFirst().segmentIndex()).isEqualTo(1);
        assertThat(result.hits().getFirst().matchedBy()).containsExactly(Retriever.VECTOR);
    }

    @Test
    void search_whenBothRetrieversRankASegmentFirst_fusesTheirReciprocalRanks() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        SearchResult result = index.search(SearchQuery.inOrg("org-a").text("motorcycle crossing").interpretText(false).build());

        SegmentHit first = result.hits().getFirst();
        assertThat(first.segmentIndex()).isEqualTo(1);
        assertThat(first.matchedBy()).containsExactlyInAnyOrder(Retriever.TEXT, Retriever.VECTOR);
        assertThat(first.score()).isCloseTo(2.0 / (SegmentIndex.RRF_K + 1), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void search_whenColourClassAndMotion_requiresThemOnOneObject() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        SearchResult result = search("white car approaching");

        assertThat(keys(result)).containsExactly("v-dash#0");
        assertThat(result.interpretation().objects()).hasSize(1);
    }

    @Test
    void search_whenSynonyms_mapToDetectorClasses() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        assertThat(keys(search("scooter"))).containsExactly("v-dash#1");
        assertThat(keys(search("lorry cutting in at night"))).containsExactly("v-dash#2");
        assertThat(keys(search("lorry at night"))).containsExactly("v-dash#2");
        assertThat(keys(search("lorry cutting in during the day"))).isEmpty();
    }

    @Test
    void search_whenQueryAsksForUnperceivedThings_stillRanksTextAndSaysWhatIsUnsupported() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        SearchResult result = search("raining 54 km/h");

        assertThat(result.unsupported()).containsExactly("raining");
        assertThat(keys(result)).first().isEqualTo("v-dash#1");
        assertThat(result.hits().getFirst().matchedBy()).contains(Retriever.TEXT);
    }

    @Test
    void search_whenNothingRelated_returnsNoHitsRatherThanNeighbours() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);

        SearchResult result = search("raining");

        assertThat(result.unsupported()).containsExactly("raining");
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void search_whenStructuredFilters_appliesThemBeforeRanking() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);
        index.index(lobby(LOBBY.videoId()), LOBBY);

        assertThat(keys(index.search(SearchQuery.inOrg("org-a").text("crossing").folderId("folder-2").build())))
                .containsExactly("v-lobby#0");
        assertThat(keys(index.search(SearchQuery.inOrg("org-a").text("crossing").videoId("v-dash").build())))
                .containsExactly("v-dash#1");
        assertThat(keys(index.search(SearchQuery.inOrg("org-a").ownerId("user-2").build())))
                .containsExactly("v-lobby#0", "v-lobby#1");
        assertThat(keys(index.search(SearchQuery.inOrg("org-a").videoId("v-dash").between(3.0, 5.0).build())))
                .containsExactly("v-dash#1", "v-dash#2");
        assertThat(keys(index.search(SearchQuery.inOrg("org-a").requireClass("truck").requireColour("red").build())))
                .containsExactly("v-dash#2", "v-dash#3");
        assertThat(keys(index.search(SearchQuery.inOrg("org-a").cameraState("static").text("exit").build())))
                .containsExactly("v-lobby#0");
        assertThat(keys(search("fixed camera"))).containsExactlyInAnyOrder("v-lobby#0", "v-lobby#1");
    }

    @Test
    void search_neverReturnsAnotherOrganisationsSegments() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);
        index.index(dashcam(OTHER_ORG.videoId()), OTHER_ORG);

        SearchResult orgA = index.search(SearchQuery.inOrg("org-a").text("car").limit(100).build());
        SearchResult orgB = index.search(SearchQuery.inOrg("org-b").text("car").limit(100).build());
        SearchResult nobody = index.search(SearchQuery.inOrg("org-c").text("car").limit(100).build());

        assertThat(orgA.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.videoId()).isEqualTo("v-dash"));
        assertThat(orgB.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.videoId()).isEqualTo("v-other"));
        assertThat(nobody.hits()).isEmpty();
        // even naming the other organisation's video does not reach it
        assertThat(index.search(SearchQuery.inOrg("org-a").videoId("v-other").build()).hits()).isEmpty();
    }

    @Test
    void inOrg_whenOrganisationMissing_refusesToBuildAQuery() {
        assertThatThrownBy(() -> SearchQuery.inOrg(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SearchQuery.inOrg("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoContext("v", null, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void deleteVideo_removesAllItsSegmentsAndOnlyThem() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);
        index.index(lobby(LOBBY.videoId()), LOBBY);

        index.deleteVideo("v-dash");

        assertThat(index.count("org-a")).isEqualTo(2);
        assertThat(search("motorcycle").hits()).noneMatch(h -> h.videoId().equals("v-dash"));
        index.deleteVideo("v-never-indexed");
        assertThat(index.count("org-a")).isEqualTo(2);
    }

    @Test
    void index_whenCalledAgain_replacesTheVideosSegments() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);
        assertThat(index.count("org-a")).isEqualTo(4);

        index.index(dashcam(DASHCAM.videoId()).subList(0, 1), DASHCAM);

        assertThat(index.count("org-a")).isEqualTo(1);
        assertThat(keys(search("motorcycle"))).doesNotContain("v-dash#1");
    }

    @Test
    void open_afterRestart_findsWhatWasIndexed() {
        index.index(dashcam(DASHCAM.videoId()), DASHCAM);
        index.close();

        index = SegmentIndex.open(dir, new HashingEmbedder());

        assertThat(index.count("org-a")).isEqualTo(4);
        assertThat(keys(search("scooter"))).containsExactly("v-dash#1");
    }

    @Test
    void indexAndSearch_whenConcurrent_seeConsistentVideos() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int v = 0; v < 8; v++) {
                String id = "v" + v;
                work.add(pool.submit(() -> index.index(dashcam(id), new VideoContext(id, "org-a", null, null))));
                work.add(pool.submit(() -> {
                    // each video is replaced atomically: a searcher sees 0 or 4 of its segments, never a part
                    SearchResult r = index.search(SearchQuery.inOrg("org-a").videoId(id).build());
                    assertThat(r.hits().size()).isIn(0, 4);
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(index.count("org-a")).isEqualTo(32);
    }
}
