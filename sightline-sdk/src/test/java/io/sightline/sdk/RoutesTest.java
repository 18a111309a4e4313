package io.sightline.sdk;

import io.sightline.api.CollectionRequest;
import io.sightline.api.CreateOrgRequest;
import io.sightline.api.CreateUserRequest;
import io.sightline.api.ImportRequest;
import io.sightline.api.Role;
import io.sightline.api.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static io.sightline.sdk.TestServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;

/** Each call of the SDK against its row of docs/api.md: method, path, query and JSON body. */
class RoutesTest {
    private static final String FOLDER = "{\"id\":\"fld_1\",\"name\":\"cams\",\"scope\":\"org\",\"ownerId\":\"org_1\",\"videoCount\":2}";
    private static final String COLLECTION = "{\"id\":\"col_1\",\"name\":\"n\",\"description\":\"d\",\"videoCount\":1}";

    private TestServer server;
    private Sightline client;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        client = Fixtures.client(server, new FakeTime());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private TestServer.Recorded last() {
        return server.requests().getLast();
    }

    @Test
    void imports_create_postsImportRequest() {
        server.enqueue(Reply.json(202, Fixtures.json(Fixtures.video("vid_1"))));

        client.imports().create(new ImportRequest("https://example.com/a.mp4", null, "cams", Scope.ORG, null));

        assertThat(last().target()).isEqualTo("POST /v1/imports");
        assertThat(last().bodyText()).isEqualTo("{\"url\":\"https://example.com/a.mp4\",\"folder\":\"cams\",\"scope\":\"org\"}");
    }

    @Test
    void adminCalls_postUsersAndOrgs() {
        server.enqueue(Reply.json(201, "{\"user\":{\"id\":\"usr_2\",\"name\":\"ana\",\"role\":\"member\"},\"apiKey\":\"sk-new\"}"),
                Reply.json(201, "{\"id\":\"org_2\",\"name\":\"acme\"}"));

        assertThat(client.users().create(new CreateUserRequest("ana", null, Role.MEMBER)).apiKey()).isEqualTo("sk-new");
        assertThat(server.requests().get(0).bodyText()).isEqualTo("{\"name\":\"ana\",\"role\":\"member\"}");
        assertThat(client.orgs().create(new CreateOrgRequest("acme")).id()).isEqualTo("org_2");
        assertThat(last().target()).isEqualTo("POST /v1/orgs");
    }

    @Test
    void folders_getListDelete_useFolderRoutes() {
        server.enqueue(Reply.json(200, FOLDER), Reply.json(200, "{\"items\":[" + FOLDER + "],\"total\":1,\"offset\":0,\"limit\":100}"),
                Reply.empty(204));

        assertThat(client.folders().get("fld_1").videoCount()).isEqualTo(2);
        assertThat(client.folders().listAll(FolderListParams.of(Scope.ORG, PageParams.first())).toList()).hasSize(1);
        assertThat(last().query()).containsEntry("scope", "org").containsEntry("limit", "100");
        client.folders().delete("fld_1");
        assertThat(last().target()).isEqualTo("DELETE /v1/folders/fld_1");
    }

    @Test
    void collections_getUpdateDelete_useCollectionRoutes() {
        server.enqueue(Reply.json(200, COLLECTION), Reply.json(200, COLLECTION), Reply.empty(204),
                Reply.json(200, "{\"items\":[],\"total\":0,\"offset\":40,\"limit\":20}"));

        client.collections().get("col_1");
        client.collections().update("col_1", new CollectionRequest(null, "new description"));
        assertThat(last().target()).isEqualTo("PATCH /v1/collections/col_1");
        assertThat(last().bodyText()).as("a null name is left out, so it stays").isEqualTo("{\"description\":\"new description\"}");
        client.collections().delete("col_1");
        assertThat(last().target()).isEqualTo("DELETE /v1/collections/col_1");
        client.collections().videos("col_1", PageParams.of(40, 20));
        assertThat(last().query()).containsEntry("offset", "40").containsEntry("limit", "20");
    }

    @Test
    void videos_statusPlaybackDelete_useVideoRoutes() {
        server.enqueue(Reply.json(200, "{\"hlsUrl\":\"http://h/v1/media/vid_1/1/sig/hls/index.m3u8\",\"expiresAt\":\"2025-03-01T11:00:00Z\"}"),
                Reply.empty(204));

        assertThat(client.videos().playback("vid_1", Duration.ofMinutes(10)).hlsUrl()).endsWith("index.m3u8");
        assertThat(last().target()).isEqualTo("GET /v1/videos/vid_1/playback");
        assertThat(last().query()).containsEntry("ttlSeconds", "600");
        client.videos().delete("vid_1");
        assertThat(last().target()).isEqualTo("DELETE /v1/videos/vid_1");
    }
}
