package io.sightline.server.uploads;

import io.sightline.api.Folder;
import io.sightline.api.ImportRequest;
import io.sightline.api.User;
import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import io.sightline.server.Ids;
import io.sightline.server.folders.FolderService;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Names;
import io.sightline.server.pipeline.Pipeline;
import io.sightline.server.pipeline.StepHandler;
import io.sightline.server.videos.VideoFiles;
import io.sightline.store.blob.BlobStore;
import io.sightline.store.repo.VideoRepository;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Imports from HTTP(S) URLs: the request is accepted at once, the download runs as the {@code import} step. */
public final class ImportService implements StepHandler {

    private final VideoRepository videos;
    private final FolderService folders;
    private final BlobStore blobs;
    private final Pipeline pipeline;
    private final Clock clock;
    private final long maxBytes;
    private final java.util.List<String> steps;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    public ImportService(VideoRepository videos, FolderService folders, BlobStore blobs, Pipeline pipeline, Clock clock, long maxBytes,
                         boolean perception) {
        this.steps = Pipeline.steps(true, perception);
        this.videos = videos;
        this.folders = folders;
        this.blobs = blobs;
        this.pipeline = pipeline;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public Video create(User user, ImportRequest request) {
        URI uri = parse(request.url());
        Folder folder = folders.forUpload(user, request.folderId(), request.folder(), request.scope());
        String name = request.name() != null ? Names.check("name", request.name()) : nameFrom(uri);
        Instant now = clock.instant();
        Video video = new Video(Ids.next("vid"), name, folder.id(), user.id(), VideoStatus.UPLOADED, 0, null, now, now, null, null);
        videos.create(video, user.orgId(), steps, uri.toString());
        pipeline.scheduleNext(video.id());
        return video;
    }

    /** The {@code import} step: streams the URL into the video's source, at most {@code maxBytes}. */
    @Override
    public void run(String videoId, Progress progress) throws Exception {
        URI uri = URI.create(videos.sourceUrl(videoId).orElseThrow(() -> new Permanent("video " + videoId + " has no import URL", null)));
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 400 && status < 500) throw new Permanent(uri + " answered HTTP " + status, null);
            if (status != 200) throw new IllegalStateException(uri + " answered HTTP " + status);
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > maxBytes) throw new Permanent(uri + " is " + length + " bytes, more than the limit of " + maxBytes, null);
            InputStream counted = length > 0 ? new ProgressInputStream(body, length, progress) : body;
            try {
                BlobStore.Stored stored = blobs.write(VideoFiles.key(videoId, VideoFiles.SOURCE), counted, maxBytes);
                if (stored.size() == 0) throw new Permanent(uri + " returned an empty body", null);
                videos.updateSize(videoId, stored.size());
            } catch (BlobStore.TooLarge e) {
                throw new Permanent(uri + " sent more than the limit of " + maxBytes + " bytes", e);
            }
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) throw ApiException.badRequest("url is required");
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw ApiException.badRequest("url must be an absolute http:// or https:// URL, not '" + url + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("url is not a valid URL: " + e.getMessage());
        }
    }

    private static String nameFrom(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        try {
            return Names.check("name", last);
        } catch (ApiException e) {
            return uri.getHost();
        }
    }

    /** Reports the share of the expected length read so far. */
    private static final class ProgressInputStream extends java.io.FilterInputStream {
        private final long total;
        private final Progress progress;
        private long read;

        ProgressInputStream(InputStream in, long total, Progress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                progress.report((int) (read * 100 / total));
            }
            return n;
        }
    }
}
