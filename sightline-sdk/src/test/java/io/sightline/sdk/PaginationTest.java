package io.sightline.sdk;

import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationTest {
    private static final List<Video> LIBRARY = IntStream.range(0, 250)
            .mapToObj(i -> Fixtures.video("vid_" + i)).toList();

    private TestServer server;
    private Sightline client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        client = Fixtures.client(server, new FakeTime());
        server.handle(request -> {
            int offset = Integer.parseInt(request.query().getOrDefault("offset", "0"));
            int limit = Integer.parseInt(request.query().getOrDefault("limit", "20"));
            List<Video> items = LIBRARY.subList(Math.min(offset, LIBRARY.size()), Math.min(offset + limit, LIBRARY.size()));
            return Fixtures.ok(Fixtures.page(items, LIBRARY.size(), offset, limit));
        });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void listAll_whenManyPages_returnsEveryVideoInOrderFetchingPagesOfHundred() {
        List<Video> all = client.videos().listAll(VideoListParams.none()).toList();

        assertThat(all).extracting(Video::id).isEqualTo(LIBRARY.stream().map(Video::id).toList());
        assertThat(server.requests()).extracting(request -> request.query().get("offset")).containsExactly("0", "100", "200");
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.query()).containsEntry("limit", "100"));
    }

    @Test
    void listAll_whenStreamStopsEarly_fetchesOnlyThePagesItReached() {
        List<Video> firstFive = client.videos().listAll(VideoListParams.builder().limit(10).build()).limit(5).toList();

        assertThat(firstFive).hasSize(5);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void listAll_beforeTerminalOperation_sendsNothing() {
        client.videos().listAll(VideoListParams.none());

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void listAll_withFiltersAndOffset_keepsFiltersOnEveryPage() {
        VideoListParams params = VideoListParams.builder().status(VideoStatus.PROCESSED).folderId("fld_9")
                .sort(VideoListParams.Sort.CREATED_AT).order(VideoListParams.Order.DESC).offset(230).build();

        assertThat(client.videos().listAll(params).count()).isEqualTo(20);

        assertThat(server.requests().getFirst().query()).containsEntry("status", "processed").containsEntry("folderId", "fld_9")
                .containsEntry("sort", "created_at").containsEntry("order", "desc").containsEntry("offset", "230");
    }

    @Test
    void list_withCreatedRange_sendsIsoInstants() {
        client.videos().list(VideoListParams.builder().createdAfter(Instant.parse("2025-01-01T00:00:00Z"))
                .createdBefore(Instant.parse("2025-02-01T00:00:00Z")).limit(5).build());

        assertThat(server.requests().getFirst().query()).containsEntry("createdAfter", "2025-01-01T00:00:00Z")
                .containsEntry("createdBefore", "2025-02-01T00:00:00Z").containsEntry("limit", "5");
    }

    @Test
    void listAll_whenServerReturnsEmptyPageBeforeTotal_stops() {
        server.handle(request -> Fixtures.ok(Fixtures.page(List.of(), 1000, 0, 100)));

        assertThat(client.videos().listAll(VideoListParams.none()).count()).isZero();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void collectionsListAllVideos_whenTwoPages_walksCollectionVideos() {
        assertThat(client.collections().listAllVideos("col_1").count()).isEqualTo(250);
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.path()).isEqualTo("/v1/collections/col_1/videos"));
    }
}
