package io.sightline.cli;

import io.sightline.api.Collection;
import io.sightline.api.CollectionRequest;
import io.sightline.api.Page;
import io.sightline.api.Video;
import io.sightline.sdk.ConflictException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "collections", description = "Group videos into named collections; a video can be in several.")
final class CollectionsCommand {
    private final CliContext context;

    CollectionsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List collections.")
    int list(@Option(names = "--limit", defaultValue = "100", paramLabel = "N") int limit,
             @Option(names = "--offset", defaultValue = "0", paramLabel = "N") int offset) {
        Page<Collection> page = context.client().collections().list(FoldersCommand.pageParams(offset, limit));
        if (page.items().isEmpty() && page.offset() == 0) {
            context.err.println("no collections");
            return SightlineCli.OK;
        }
        context.out.print(Views.collections(page.items()));
        String footer = Views.pageFooter(page, "collections");
        if (footer != null) context.err.println(footer);
        return SightlineCli.OK;
    }

    @Command(name = "create", description = "Create a collection; prints its id.")
    int create(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--description", paramLabel = "TEXT") String description) {
        context.out.println(context.client().collections().create(new CollectionRequest(name, description)).id());
        return SightlineCli.OK;
    }

    @Command(name = "add", description = "Add videos to a collection.")
    int add(@Parameters(index = "0", paramLabel = "COLLECTION_ID") String collectionId,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "VIDEO_ID") List<String> videoIds) {
        for (String videoId : videoIds) {
            try {
                context.client().collections().addVideo(collectionId, videoId);
            } catch (ConflictException alreadyThere) {
                // The wanted state holds already; say so rather than fail.
                context.err.println(videoId + " is already in " + collectionId);
            }
        }
        return SightlineCli.OK;
    }

    @Command(name = "remove", description = "Take videos out of a collection; the videos stay.")
    int remove(@Parameters(index = "0", paramLabel = "COLLECTION_ID") String collectionId,
               @Parameters(index = "1..*", arity = "1..*", paramLabel = "VIDEO_ID") List<String> videoIds) {
        for (String videoId : videoIds) context.client().collections().removeVideo(collectionId, videoId);
        return SightlineCli.OK;
    }

    @Command(name = "videos", description = "List the videos in a collection.")
    int videos(@Parameters(paramLabel = "COLLECTION_ID") String collectionId,
               @Option(names = "--limit", defaultValue = "20", paramLabel = "N") int limit,
               @Option(names = "--offset", defaultValue = "0", paramLabel = "N") int offset) {
        Page<Video> page = context.client().collections().videos(collectionId, FoldersCommand.pageParams(offset, limit));
        if (page.items().isEmpty() && page.offset() == 0) {
            context.err.println("no videos in " + collectionId);
            return SightlineCli.OK;
        }
        context.out.print(Views.videos(page.items()));
        String footer = Views.pageFooter(page, "videos");
        if (footer != null) context.err.println(footer);
        return SightlineCli.OK;
    }

    @Command(name = "delete", description = "Delete a collection; its videos stay.")
    int delete(@Parameters(paramLabel = "COLLECTION_ID") String collectionId) {
        context.client().collections().delete(collectionId);
        context.err.println("deleted " + collectionId);
        return SightlineCli.OK;
    }
}
