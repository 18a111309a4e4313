package io.sightline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sightline.api.Collection;
import io.sightline.api.Folder;
import io.sightline.api.MediaInfo;
import io.sightline.api.MultipartUpload;
import io.sightline.api.Org;
import io.sightline.api.Role;
import io.sightline.api.Scope;
import io.sightline.api.StepState;
import io.sightline.api.UploadPart;
import io.sightline.api.User;
import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import io.sightline.store.repo.CollectionRepository;
import io.sightline.store.repo.FolderRepository;
import io.sightline.store.repo.JdbcCollectionRepository;
import io.sightline.store.repo.JdbcFolderRepository;
import io.sightline.store.repo.JdbcUploadRepository;
import io.sightline.store.repo.JdbcUserRepository;
import io.sightline.store.repo.JdbcVideoRepository;
import io.sightline.store.repo.UploadRepository;
import io.sightline.store.repo.UserRepository;
import io.sightline.store.repo.VideoQuery;
import io.sightline.store.repo.VideoRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage implementation must do. Subclass it per database (Lucene's
 * {@code BaseKnnVectorQueryTestCase} pattern); each test gets an empty, migrated database.
 */
public abstract class RepositoryContract {

    protected abstract Jdbc freshDatabase() throws Exception;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private UserRepository users;
    private FolderRepository folders;
    private VideoRepository videos;
    private UploadRepository uploads;
    private CollectionRepository collections;
    private User alice;
    private User bob;
    private Folder alicesFolder;
    private Folder orgFolder;

    @BeforeEach
    void setUp() throws Exception {
        Jdbc jdbc = freshDatabase();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        users = new JdbcUserRepository(jdbc);
        folders = new JdbcFolderRepository(jdbc);
        videos = new JdbcVideoRepository(jdbc, json);
        uploads = new JdbcUploadRepository(jdbc);
        collections = new JdbcCollectionRepository(jdbc);
        users.createOrg(new Org("org_1", "acme", now));
        alice = users.createUser(new User("usr_a", "alice", "org_1", Role.MEMBER, now));
        bob = users.createUser(new User("usr_b", "bob", "org_1", Role.MEMBER, now));
        alicesFolder = folders.create(new Folder("fld_a", "Personal", Scope.USER, alice.id(), 0, now), alice.id());
        orgFolder = folders.create(new Folder("fld_o", "fleet", Scope.ORG, "org_1", 0, now), alice.id());
    }

    @Test
    void apiKey_whenLookedUpByHash_findsItsUser() {
        users.addApiKey(alice.id(), "hash-1");
        assertThat(users.findByApiKeyHash("hash-1")).contains(alice);
        assertThat(users.findByApiKeyHash("hash-2")).isEmpty();
    }

    @Test
    void folder_whenNameTakenInSameScope_isDuplicate() {
        assertThatThrownBy(() -> folders.create(new Folder("fld_x", "Personal", Scope.USER, alice.id(), 0, now), alice.id()))
                .isInstanceOf(StoreException.Duplicate.class);
        folders.create(new Folder("fld_y", "Personal", Scope.USER, bob.id(), 0, now), bob.id());
        assertThat(folders.listVisible(bob.id(), "org_1", null, 0, 10).items()).extracting(Folder::id).containsExactlyInAnyOrder("fld_y", "fld_o");
    }

    @Test
    void videoList_appliesVisibilityFiltersSortAndPaging() {
        video("vid_1", "b.mp4", alicesFolder, alice, now.minusSeconds(30));
        video("vid_2", "a.mp4", orgFolder, alice, now.minusSeconds(20));
        video("vid_3", "c.mp4", alicesFolder, alice, now.minusSeconds(10));

        var forBob = videos.list(query(bob, null, null, "created_at", false, 0, 10));
        assertThat(forBob.items()).extracting(Video::id).containsExactly("vid_2");

        var byName = videos.list(query(alice, null, null, "name", true, 0, 2));
        assertThat(byName.total()).isEqualTo(3);
        assertThat(byName.items()).extracting(Video::name).containsExactly("a.mp4", "b.mp4");
        assertThat(videos.list(query(alice, null, alicesFolder.id(), "created_at", false, 1, 10)).items())
                .extracting(Video::id).containsExactly("vid_1");
        assertThat(videos.list(new VideoQuery(alice.id(), "org_1", null, null, null, now.minusSeconds(25), now.minusSeconds(15),
                "created_at", true, 0, 10)).items()).extracting(Video::id).containsExactly("vid_2");
    }

    @Test
    void steps_deriveTheVideoStatus() {
        video("vid_1", "a.mp4", alicesFolder, alice, now);
        assertThat(videos.find("vid_1").orElseThrow().status()).isEqualTo(VideoStatus.UPLOADED);
        videos.startStep("vid_1", "probe");
        assertThat(videos.find("vid_1").orElseThrow().status()).isEqualTo(VideoStatus.PROCESSING);
        videos.progressStep("vid_1", "probe", 40);
        videos.progressStep("vid_1", "probe", 30);
        assertThat(videos.step("vid_1", "probe").orElseThrow().percentage()).as("progress never goes back").isEqualTo(40);
        videos.finishStep("vid_1", "probe", StepState.COMPLETED, null);
        videos.startStep("vid_1", "hls");
        videos.finishStep("vid_1", "hls", StepState.COMPLETED, null);
        assertThat(videos.find("vid_1").orElseThrow().status()).isEqualTo(VideoStatus.PROCESSED);
        assertThat(videos.unfinished()).isEmpty();
        videos.finishStep("vid_1", "hls", StepState.FAILED, "boom");
        assertThat(videos.find("vid_1").orElseThrow().status()).isEqualTo(VideoStatus.FAILED);
        assertThat(videos.step("vid_1", "probe").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void media_roundTripsAsJson() {
        video("vid_1", "a.mp4", alicesFolder, alice, now);
        MediaInfo media = new MediaInfo("mov,mp4", 12.5, 1280, 720, 25, "h264", null, 90, true, 1_000_000);
        videos.updateMedia("vid_1", media);
        assertThat(videos.find("vid_1").orElseThrow().media()).isEqualTo(media);
    }

    @Test
    void uploadParts_replaceByNumberAndGoWithAbort() {
        MultipartUpload upload = new MultipartUpload("upl_1", "a.mp4", alicesFolder.id(), 1024, "open", null, now, now.plusSeconds(60));
        uploads.create(new UploadRepository.UploadRecord(upload, alice.id(), null, "video/mp4", null));
        uploads.putPart("upl_1", new UploadPart(1, 10, "aa", now));
        uploads.putPart("upl_1", new UploadPart(1, 12, "bb", now));
        uploads.putPart("upl_1", new UploadPart(2, 5, "cc", now));
        assertThat(uploads.parts("upl_1")).extracting(UploadPart::sha256).containsExactly("bb", "cc");
        uploads.markAborted("upl_1");
        assertThat(uploads.parts("upl_1")).isEmpty();
        assertThat(uploads.find("upl_1").orElseThrow().upload().state()).isEqualTo("aborted");
    }

    @Test
    void collectionMembership_isUniqueAndGoesWithTheVideo() {
        video("vid_1", "a.mp4", alicesFolder, alice, now);
        collections.create(new Collection("col_1", "review", null, 0, now), alice.id());
        collections.addVideo("col_1", "vid_1");
        assertThatThrownBy(() -> collections.addVideo("col_1", "vid_1")).isInstanceOf(StoreException.Duplicate.class);
        assertThat(collections.find("col_1").orElseThrow().videoCount()).isEqualTo(1);
        videos.delete("vid_1");
        assertThat(collections.find("col_1").orElseThrow().videoCount()).isZero();
    }

    private void video(String id, String name, Folder folder, User owner, Instant created) {
        videos.create(new Video(id, name, folder.id(), owner.id(), VideoStatus.UPLOADED, 100, "video/mp4", created, created, null, null),
                owner.orgId(), List.of("probe", "hls"), null);
    }

    private static VideoQuery query(User user, io.sightline.api.VideoStatus status, String folderId, String sort, boolean asc, int offset, int limit) {
        return new VideoQuery(user.id(), user.orgId(), status, folderId, null, null, null, sort, asc, offset, limit);
    }
}
