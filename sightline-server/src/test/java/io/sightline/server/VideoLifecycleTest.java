package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.api.Playback;
import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import io.sightline.sdk.NotFoundException;
import io.sightline.sdk.Sightline;
import io.sightline.sdk.UploadParams;
import io.sightline.sdk.VideoListParams;
import io.sightline.server.testing.TestServer;
import io.sightline.server.testing.TestVideos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video's whole life through the SDK: upload, processing, playback through signed URLs, listing, deletion. */
class VideoLifecycleTest {

    private static TestServer server;
    private static Sightline client;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.sdk();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void upload_whenH264Clip_processesEveryStepAndPlaysThroughSignedUrls(@TempDir Path dir) throws Exception {
        Path clip = TestVideos.h264(dir, "drive.mp4", 6);
        List<Long> progress = new CopyOnWriteArrayList<>();

        Video uploaded = client.uploads().upload(UploadParams.builder(clip).folder("fleet").progress((sent, total) -> progress.add(sent)).build());
        assertThat(uploaded.name()).isEqualTo("drive.mp4");
        assertThat(uploaded.media().videoCodec()).isEqualTo("h264");
        assertThat(progress).isNotEmpty().last().isEqualTo(Files.size(clip));

        Video processed = client.videos().waitUntilProcessed(uploaded.id(), Duration.ofMinutes(2));
        assertThat(processed.status()).isEqualTo(VideoStatus.PROCESSED);
        assertThat(processed.media().durationSeconds()).isBetween(5.5, 6.5);

        ProcessingStatus status = client.videos().status(uploaded.id());
        assertThat(status.state()).isEqualTo(StepState.COMPLETED);
        assertThat(status.percentage()).isEqualTo(100);
        assertThat(status.steps()).extracting(ProcessingStep::name)
                .containsExactly("probe", "transcode", "hls", "thumbnails", "perceive", "index");
        assertThat(status.steps()).allSatisfy(step -> {
            assertThat(step.state()).isEqualTo(StepState.COMPLETED);
            assertThat(step.percentage()).isEqualTo(100);
            assertThat(step.attempts()).isEqualTo(1);
        });

        Playback playback = client.videos().playback(uploaded.id());
        assertThat(playback.hlsUrl()).startsWith(server.baseUrl() + "/v1/media/").doesNotContain(server.adminKey());
        String playlist = get(playback.hlsUrl()).body();
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST");
        String segment = playlist.lines().filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
        String segmentUrl = playback.hlsUrl().substring(0, playback.hlsUrl().lastIndexOf('/') + 1) + segment;
        HttpResponse<String> segmentResponse = get(segmentUrl);
        assertThat(segmentResponse.statusCode()).isEqualTo(200);
        assertThat(segmentResponse.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(get(playback.posterUrl()).headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(get(playback.storyboardUrl()).statusCode()).isEqualTo(200);
        assertThat(playback.storyboard().tiles()).isPositive();

        String forged = playback.hlsUrl().replaceFirst("/v1/media/([^/]+)/(\\d+)/([^/]+)/", "/v1/media/$1/$2/AAAA$3/");
        assertThat(get(forged).statusCode()).isEqualTo(403);
        String source = playback.hlsUrl().replace("hls/index.m3u8", "source");
        assertThat(get(source).statusCode()).isEqualTo(404);
    }

    @Test
    void upload_whenMpeg4Avi_transcodesToH264() throws Exception {
        Path dir = Files.createTempDirectory("avi");
        Video uploaded = client.uploads().upload(UploadParams.builder(TestVideos.mpeg4Avi(dir, "old.avi", 3)).build());
        assertThat(uploaded.media().videoCodec()).isEqualTo("mpeg4");
        client.videos().waitUntilProcessed(uploaded.id(), Duration.ofMinutes(2));
        assertThat(get(client.videos().playback(uploaded.id()).hlsUrl()).statusCode()).isEqualTo(200);
    }

    @Test
    void list_whenFilteredByFolderAndStatus_returnsOnlyMatches(@TempDir Path dir) {
        Path clip = TestVideos.h264(dir, "a.mp4", 2);
        Video first = client.uploads().upload(UploadParams.builder(clip).folder("list-test").build());
        Video second = client.uploads().upload(UploadParams.builder(clip).name("b.mp4").folder("list-test").build());
        client.videos().waitUntilProcessed(first.id(), Duration.ofMinutes(2));
        client.videos().waitUntilProcessed(second.id(), Duration.ofMinutes(2));

        var page = client.videos().list(VideoListParams.builder().folderId(first.folderId()).status(VideoStatus.PROCESSED)
                .sort(VideoListParams.Sort.NAME).order(VideoListParams.Order.ASC).limit(1).build());
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Video::name).containsExactly("a.mp4");
        assertThat(client.videos().listAll(VideoListParams.builder().folderId(first.folderId()).limit(1).build()))
                .extracting(Video::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(client.videos().list(VideoListParams.builder().folderId(first.folderId()).status(VideoStatus.FAILED).build()).total())
                .isZero();
    }

    @Test
    void delete_whenProcessed_removesRowsAndFiles(@TempDir Path dir) throws Exception {
        Video video = client.uploads().upload(UploadParams.builder(TestVideos.h264(dir, "gone.mp4", 2)).build());
        client.videos().waitUntilProcessed(video.id(), Duration.ofMinutes(2));
        Playback playback = client.videos().playback(video.id());
        Path files = server.dataDir().resolve("blobs/videos/" + video.id());
        assertThat(files).isDirectory();

        client.videos().delete(video.id());

        assertThatThrownBy(() -> client.videos().get(video.id())).isInstanceOf(NotFoundException.class);
        assertThat(files).doesNotExist();
        assertThat(get(playback.hlsUrl()).statusCode()).isEqualTo(404);
    }

    @Test
    void perception_whenOverlayTextIsBurnedIn_segmentsReadItAndSearchFindsIt(@TempDir Path dir) throws Exception {
        Path clip = io.sightline.media.SyntheticVideo.builder().duration(6).size(640, 360).fps(10)
                .text("2024/05/12 14:33:07  54 km/h").build().writeTo(dir.resolve("overlay.mp4"));
        Video video = client.uploads().upload(UploadParams.builder(clip).build());
        client.videos().waitUntilProcessed(video.id(), Duration.ofMinutes(3));

        List<io.sightline.api.Segment> segments = client.videos().segments(video.id());
        assertThat(segments).as("2-second segments of a 6-second video").hasSize(3);
        assertThat(segments.get(0).startSeconds()).isZero();
        assertThat(segments).allSatisfy(segment -> assertThat(segment.caption()).isNotBlank());
        assertThat(segments).flatExtracting(io.sightline.api.Segment::texts)
                .anySatisfy(text -> {
                    assertThat(text.overlay()).isTrue();
                    assertThat(text.parsed()).containsEntry("speed_kmh", "54");
                });

        var results = client.search().segments("54 km/h");
        assertThat(results.hits()).extracting(io.sightline.api.SearchResults.Hit::videoId).contains(video.id());
        assertThat(client.search().segments("raining heavily").unsupported()).isNotEmpty();

        var otherOrg = server.sdk().orgs().create(new io.sightline.api.CreateOrgRequest("other-org"));
        String outsiderKey = server.sdk().users().create(
                new io.sightline.api.CreateUserRequest("outsider", otherOrg.id(), io.sightline.api.Role.MEMBER)).apiKey();
        String colleagueKey = server.sdk().users().create(new io.sightline.api.CreateUserRequest("colleague", null, io.sightline.api.Role.MEMBER)).apiKey();
        for (String key : java.util.List.of(outsiderKey, colleagueKey)) {
            var other = new io.sightline.server.testing.RawHttp(server.baseUrl(), key);
            var response = other.get("/v1/search?q=" + java.net.URLEncoder.encode("54 km/h", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("another org, or a colleague without access to a personal folder").doesNotContain(video.id());
        }
    }

    @Test
    void storyboard_whenVideoIsPerceived_isTheExactSpriteFromPerceptionsOwnDecoding(@TempDir Path dir) throws Exception {
        // one keyframe: the thumbnails step's keyframes-only sprite shows the first frame in every tile
        Path clip = io.sightline.media.SyntheticVideo.builder().duration(6).size(320, 240).fps(10).movingBox(true).plainBackground(true)
                .build().writeTo(dir.resolve("moving.mp4"));
        Video video = client.uploads().upload(UploadParams.builder(clip).build());
        client.videos().waitUntilProcessed(video.id(), Duration.ofMinutes(3));

        io.sightline.api.Playback playback = client.videos().playback(video.id());
        assertThat(playback.storyboard()).isEqualTo(new io.sightline.api.Playback.Storyboard(6, 1, 160, 120, 1, 6));
        HttpResponse<byte[]> sprite = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()).resolve(playback.storyboardUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sprite.statusCode()).isEqualTo(200);
        java.awt.image.BufferedImage board = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(sprite.body()));
        assertThat(board.getWidth()).isEqualTo(6 * 160);
        // the box slides right: in the exact sprite the last tile's red sits well right of the first's
        assertThat(redCentreX(board, 5 * 160)).isGreaterThan(redCentreX(board, 0) + 60);
    }

    /** Mean x of the strongly red pixels of the 160 px tile starting at {@code tileX}. */
    private static double redCentreX(java.awt.image.BufferedImage board, int tileX) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < board.getHeight(); y++) {
            for (int x = 0; x < 160; x++) {
                int rgb = board.getRGB(tileX + x, y);
                if ((rgb >> 16 & 0xff) > 150 && (rgb >> 8 & 0xff) < 100 && (rgb & 0xff) < 100) {
                    sum += x;
                    count++;
                }
            }
        }
        assertThat(count).as("red pixels in the tile at %d", tileX).isPositive();
        return sum / count;
    }

    @Test
    void delete_whenPerceptionIsOff_neverOpensTheSearchIndex(@TempDir Path dir) {
        try (TestServer plain = TestServer.startWithoutPerception()) {
            Sightline admin = plain.sdk();
            Video video = admin.uploads().upload(UploadParams.builder(TestVideos.h264(dir, "plain.mp4", 1)).build());
            assertThat(admin.videos().waitUntilProcessed(video.id(), Duration.ofMinutes(2)).status()).isEqualTo(VideoStatus.PROCESSED);
            assertThat(admin.videos().status(video.id()).steps()).extracting(ProcessingStep::name)
                    .containsExactly("probe", "transcode", "hls", "thumbnails");

            admin.videos().delete(video.id());

            assertThatThrownBy(() -> admin.videos().get(video.id())).isInstanceOf(NotFoundException.class);
            assertThat(plain.dataDir().resolve("index")).doesNotExist();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        URI uri = URI.create(server.baseUrl()).resolve(url);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
