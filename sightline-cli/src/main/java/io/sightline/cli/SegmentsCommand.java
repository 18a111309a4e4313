package io.sightline.cli;

import io.sightline.api.Segment;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "segments", description = "Show what was perceived in a video, segment by segment.")
final class SegmentsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "print the segments as JSON, with objects, boxes, text, camera and scene")
    boolean json;

    SegmentsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Segment> segments = context.client().videos().segments(id);
        context.out.print(json ? Views.json(segments) + "\n" : Views.segments(segments));
        return SightlineCli.OK;
    }
}
