package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.api.CollectionRequest;
import io.sightline.api.Folder;
import io.sightline.api.FolderRequest;
import io.sightline.api.Scope;
import io.sightline.api.Video;
import io.sightline.sdk.ConflictException;
import io.sightline.sdk.FolderListParams;
import io.sightline.sdk.NotFoundException;
import io.sightline.sdk.PageParams;
import io.sightline.sdk.Sightline;
import io.sightline.sdk.UploadParams;
import io.sightline.server.testing.TestServer;
import io.sightline.server.testing.TestVideos;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersAndCollectionsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createFolder_whenNameExistsInScope_returnsTheSameFolder() {
        Sightline client = server.newMember("dana");
        Folder first = client.folders().create(new FolderRequest("trips", Scope.USER));
        Folder again = client.folders().create(new FolderRequest("trips", Scope.USER));
        Folder shared = client.folders().create(new FolderRequest("trips", Scope.ORG));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(shared.id()).isNotEqualTo(first.id());
        assertThat(shared.scope()).isEqualTo(Scope.ORG);
    }

    @Test
    void orgFolder_isSharedWithTheOrganisation_userFolderIsNot(@TempDir Path dir) {
        Sightline erin = server.newMember("erin");
        Sightline frank = server.newMember("frank");
        Video shared = erin.uploads().upload(UploadParams.builder(TestVideos.h264(dir, "shared.mp4", 1)).folder("fleet", Scope.ORG).build());
        Video mine = erin.uploads().upload(UploadParams.builder(TestVideos.h264(dir, "mine.mp4", 1)).build());

        assertThat(frank.videos().get(shared.id()).name()).isEqualTo("shared.mp4");
        assertThat(frank.folders().list(FolderListParams.of(Scope.ORG, PageParams.first())).items())
                .extracting(Folder::name).contains("fleet");
        assertThat(frank.folders().list(FolderListParams.of(Scope.USER, PageParams.first())).items())
                .extracting(Folder::id).doesNotContain(mine.folderId());
        assertThat(erin.folders().get(mine.folderId()).name()).isEqualTo("Personal");
    }

    @Test
    void deleteFolder_whenItHoldsVideos_answers409(@TempDir Path dir) {
        Sightline client = server.newMember("gina");
        Video video = client.uploads().upload(UploadParams.builder(TestVideos.h264(dir, "v.mp4", 1)).folder("keep").build());
        assertThatThrownBy(() -> client.folders().delete(video.folderId())).isInstanceOf(ConflictException.class);
        Folder empty = client.folders().create(new FolderRequest("empty", Scope.USER));
        client.folders().delete(empty.id());
        assertThatThrownBy(() -> client.folders().get(empty.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void collections_crudAndMembership(@TempDir Path dir) {
        Sightline client = server.newMember("hank");
        Video video = client.uploads().upload(UploadParams.builder(TestVideos.h264(dir, "c.mp4", 1)).build());
        var collection = client.collections().create(new CollectionRequest("near misses", "to review"));
        assertThatThrownBy(() -> client.collections().create(new CollectionRequest("near misses", null)))
                .isInstanceOf(ConflictException.class);

        client.collections().addVideo(collection.id(), video.id());
        assertThatThrownBy(() -> client.collections().addVideo(collection.id(), video.id())).isInstanceOf(ConflictException.class);
        assertThat(client.collections().get(collection.id()).videoCount()).isEqualTo(1);
        assertThat(client.collections().videos(collection.id(), PageParams.first()).items()).extracting(Video::id).containsExactly(video.id());

        var renamed = client.collections().update(collection.id(), new CollectionRequest("reviewed", null));
        assertThat(renamed.name()).isEqualTo("reviewed");
        assertThat(renamed.description()).isEqualTo("to review");

        client.collections().removeVideo(collection.id(), video.id());
        assertThat(client.collections().get(collection.id()).videoCount()).isZero();
        client.collections().delete(collection.id());
        assertThatThrownBy(() -> client.collections().get(collection.id())).isInstanceOf(NotFoundException.class);
        assertThat(client.videos().get(video.id()).id()).as("videos outlive their collections").isEqualTo(video.id());
    }
}
