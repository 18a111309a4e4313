package io.sightline.cli;

import io.sightline.api.Page;
import io.sightline.api.Video;
import io.sightline.api.VideoStatus;
import io.sightline.sdk.VideoListParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "videos", description = "List, show and delete videos.")
final class VideosCommand {
    private final CliContext context;

    VideosCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List videos, newest first.")
    int list(@Option(names = "--status", paramLabel = "STATUS", description = "uploaded, processing, processed or failed") VideoStatus status,
             @Option(names = "--folder-id", paramLabel = "ID") String folderId,
             @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "1-100 (default: ${DEFAULT-VALUE})") int limit,
             @Option(names = "--offset", defaultValue = "0", paramLabel = "N") int offset) {
        VideoListParams params;
        try {
            params = VideoListParams.builder().status(status).folderId(folderId).offset(offset).limit(limit)
                    .sort(VideoListParams.Sort.CREATED_AT).order(VideoListParams.Order.DESC).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Page<Video> page = context.client().videos().list(params);
        if (page.items().isEmpty() && page.offset() == 0) {
            context.err.println("no videos");
            return SightlineCli.OK;
        }
        context.out.print(Views.videos(page.items()));
        String footer = Views.pageFooter(page, "videos");
        if (footer != null) context.err.println(footer);
        return SightlineCli.OK;
    }

    @Command(name = "get", description = "Show one video.")
    int get(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--json", description = "print the API's JSON") boolean json) {
        Video video = context.client().videos().get(id);
        context.out.print(json ? Views.json(video) + "\n" : Views.video(video));
        return SightlineCli.OK;
    }

    @Command(name = "delete", description = "Delete a video with its files.")
    int delete(@Parameters(paramLabel = "ID") String id) {
        context.client().videos().delete(id);
        context.err.println("deleted " + id);
        return SightlineCli.OK;
    }
}
