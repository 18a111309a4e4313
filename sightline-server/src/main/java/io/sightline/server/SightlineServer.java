package io.sightline.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.sightline.api.CreatedUser;
import io.sightline.api.Health;
import io.sightline.server.auth.AuthRoutes;
import io.sightline.server.auth.AuthService;
import io.sightline.server.collections.CollectionRoutes;
import io.sightline.server.collections.CollectionService;
import io.sightline.server.folders.FolderRoutes;
import io.sightline.server.folders.FolderService;
import io.sightline.server.http.ErrorMapper;
import io.sightline.server.http.Json;
import io.sightline.server.http.RequestIds;
import io.sightline.server.media.MediaSteps;
import io.sightline.server.ops.Metrics;
import io.sightline.engine.perception.PerceptionSettings;
import io.sightline.server.perception.PerceptionModels;
import io.sightline.server.perception.PerceptionRoutes;
import io.sightline.server.perception.PerceptionSteps;
import io.sightline.server.perception.SegmentService;
import io.sightline.vision.model.ModelStore;
import io.sightline.server.ops.OpenApi;
import io.sightline.server.pipeline.Pipeline;
import io.sightline.server.playback.MediaRoutes;
import io.sightline.server.playback.UrlSigner;
import io.sightline.server.uploads.ImportService;
import io.sightline.server.uploads.SidecarValidator;
import io.sightline.server.uploads.UploadRoutes;
import io.sightline.server.uploads.UploadService;
import io.sightline.server.videos.VideoRoutes;
import io.sightline.server.videos.VideoService;
import io.sightline.store.Database;
import io.sightline.store.Jdbc;
import io.sightline.store.blob.BlobStore;
import io.sightline.store.blob.FileBlobStore;
import io.sightline.store.repo.JdbcCollectionRepository;
import io.sightline.store.repo.JdbcFolderRepository;
import io.sightline.store.repo.JdbcUploadRepository;
import io.sightline.store.repo.JdbcUserRepository;
import io.sightline.store.repo.JdbcVideoRepository;
import io.sightline.store.repo.VideoRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole object graph from one {@link ServerConfig} with plain
 * constructors, starts the HTTP server and the job scheduler, and stops them again.
 */
public final class SightlineServer implements AutoCloseable {

    public static final String ADMIN_KEY_FILE = "admin.key";
    private static final String WEB_ROOT = "/io/sightline/web/static";
    private static final Logger log = LoggerFactory.getLogger(SightlineServer.class);

    private final HikariDataSource dataSource;
    private final PerceptionModels models;
    private final Pipeline pipeline;
    private final Javalin app;
    private final Path adminKeyFile;
    private final boolean adminCreated;

    private SightlineServer(ServerConfig config) throws IOException {
        Path data = Files.createDirectories(config.dataDir()).toRealPath();
        // Millisecond ticks: what the API returns is exactly what the database keeps.
        Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
        ObjectMapper json = Json.mapper();
        dataSource = Database.sqlite(data.resolve("sightline.db"));
        Jdbc jdbc = new Jdbc(dataSource);
        BlobStore blobs = new FileBlobStore(data.resolve("blobs"));

        var users = new JdbcUserRepository(jdbc);
        VideoRepository videoRepository = new JdbcVideoRepository(jdbc, json);
        AuthService auth = new AuthService(users, clock);
        FolderService folders = new FolderService(new JdbcFolderRepository(jdbc), clock);
        UrlSigner signer = new UrlSigner(secret(data.resolve("signing.key")), clock);
        models = new PerceptionModels(ModelStore.create(ModelStore.defaultDirectory()), data.resolve("index"), PerceptionSettings.defaults());
        VideoService videos = new VideoService(videoRepository, folders, blobs, signer, json, clock,
                List.of(models::deleteVideo));
        pipeline = new Pipeline(jdbc, videoRepository, videos::deleteFiles, config.pipeline());
        MediaSteps media = new MediaSteps(videoRepository, blobs, json);
        SidecarValidator sidecars = new SidecarValidator(json);
        UploadService uploads = new UploadService(new JdbcUploadRepository(jdbc), videoRepository, folders, blobs, media,
                pipeline, sidecars, json, clock, config.maxUploadBytes(), config.perception());
        ImportService imports = new ImportService(videoRepository, folders, blobs, pipeline, clock, config.maxUploadBytes(),
                config.perception());
        media.registerSteps(pipeline);
        pipeline.register("import", imports);
        PerceptionSteps perception = new PerceptionSteps(videoRepository, folders, blobs, json, models::engine, models::index);
        perception.registerSteps(pipeline);
        SegmentService segments = new SegmentService(videos, videoRepository, perception, models::index);
        CollectionService collections = new CollectionService(new JdbcCollectionRepository(jdbc), videos, clock);

        adminKeyFile = data.resolve(ADMIN_KEY_FILE);
        Optional<CreatedUser> admin = auth.bootstrapAdmin();
        adminCreated = admin.isPresent();
        if (adminCreated) writeSecretFile(adminKeyFile, admin.get().apiKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        AuthRoutes authRoutes = new AuthRoutes(auth, json);
        Metrics metrics = new Metrics();
        app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.http.maxRequestSize = 2L * 1024 * 1024;
            javalin.jetty.defaultHost = config.host();
            if (SightlineServer.class.getResource(WEB_ROOT) != null) {
                javalin.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = WEB_ROOT;
                    files.location = Location.CLASSPATH;
                });
            }
        });
        app.before(RequestIds::assign);
        app.before("/v1/*", ctx -> {
            String path = ctx.path();
            if (path.equals("/v1/health") || path.equals("/v1/openapi.json") || path.startsWith("/v1/media/")) return;
            authRoutes.authenticate(ctx);
        });
        ErrorMapper.install(app);
        metrics.register(app);
        String version = version();
        app.get("/v1/health", ctx -> ctx.json(new Health("ok", version)));
        OpenApi.register(app, version);
        authRoutes.register(app);
        new FolderRoutes(folders, json).register(app);
        new UploadRoutes(uploads, imports, folders, sidecars, json).register(app);
        new VideoRoutes(videos).register(app);
        new MediaRoutes(signer, blobs).register(app);
        new CollectionRoutes(collections, json).register(app);
        new PerceptionRoutes(segments).register(app);

        app.start(config.host(), config.port());
        pipeline.start();
    }

    public static SightlineServer start(ServerConfig config) throws IOException {
        return new SightlineServer(config);
    }

    public int port() {
        return app.port();
    }

    public Javalin app() {
        return app;
    }

    public Path adminKeyFile() {
        return adminKeyFile;
    }

    /** Whether this start created the admin (first start on an empty data directory). */
    public boolean adminCreated() {
        return adminCreated;
    }

    @Override
    public void close() {
        app.stop();
        pipeline.close();
        models.close();
        dataSource.close();
    }

    static String version() {
        String version = SightlineServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The URL-signing secret: made once, kept in the data directory, readable by its owner only. */
    private static byte[] secret(Path file) throws IOException {
        if (Files.exists(file)) return Files.readAllBytes(file);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        writeSecretFile(file, secret);
        return secret;
    }

    private static void writeSecretFile(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        Files.write(temp, content);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.debug("wrote {}", file);
    }
}
