package io.sightline.server.playback;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.sightline.server.http.ApiException;
import io.sightline.server.videos.VideoFiles;
import io.sightline.store.blob.BlobStore;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Serves a video's derived files to anyone holding a valid signed URL; no API key involved. */
public final class MediaRoutes {

    /** Only these files are public through signed URLs: never the source upload. */
    private static final Pattern SERVABLE = Pattern.compile("hls/index\\.m3u8|hls/seg\\d{1,6}\\.ts|poster\\.jpg|storyboard\\.jpg");
    private static final Map<String, String> TYPES = Map.of(
            "m3u8", "application/vnd.apple.mpegurl", "ts", "video/mp2t", "jpg", "image/jpeg");

    private final UrlSigner signer;
    private final BlobStore blobs;

    public MediaRoutes(UrlSigner signer, BlobStore blobs) {
        this.signer = signer;
        this.blobs = blobs;
    }

    public void register(Javalin app) {
        app.get("/v1/media/{videoId}/{expires}/{signature}/<file>", this::serve);
    }

    private void serve(Context ctx) throws Exception {
        String videoId = ctx.pathParam("videoId");
        String file = ctx.pathParam("file");
        if (!signer.verify(videoId, ctx.pathParam("expires"), ctx.pathParam("signature"))) {
            throw new ApiException(403, "forbidden", "this media link is invalid or has expired; ask for a new one with GET /v1/videos/{id}/playback");
        }
        if (!SERVABLE.matcher(file).matches()) throw ApiException.notFound("media file " + file);
        Optional<InputStream> in = blobs.read(VideoFiles.key(videoId, file));
        if (in.isEmpty()) throw ApiException.notFound("media file " + file);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.contentType(TYPES.get(extension));
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.result(in.get());
    }
}
