package io.sightline.cli;

import io.sightline.api.SearchResults;
import io.sightline.sdk.SearchParams;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Find moments in your videos, e.g. sightline search \"white car approaching\".")
final class SearchCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "what to look for")
    java.util.List<String> words;

    @Option(names = "--folder-id", paramLabel = "ID", description = "only videos in this folder")
    String folderId;

    @Option(names = "--video-id", paramLabel = "ID", description = "only this video")
    String videoId;

    @Option(names = "--limit", defaultValue = "20", description = "how many hits at most, 1-100 (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SearchParams.Builder params = SearchParams.builder(String.join(" ", words)).limit(limit);
        if (folderId != null) params.folderId(folderId);
        if (videoId != null) params.videoId(videoId);
        SearchResults results = context.client().search().segments(params.build());
        context.out.print(json ? Views.json(results) + "\n" : Views.search(results));
        return SightlineCli.OK;
    }
}
