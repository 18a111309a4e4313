package io.sightline.cli;

import io.sightline.api.Scope;
import io.sightline.api.Video;
import io.sightline.sdk.IncompleteUploadException;
import io.sightline.sdk.SightlineException;
import io.sightline.sdk.UploadParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "upload", description = {"Upload video files and print the new video ids, one per line.",
        "Files of 32 MB or more go up in parts, in parallel; a failed one can be finished with --resume."})
final class UploadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "video files")
    List<Path> files;

    @Option(names = "--folder", paramLabel = "NAME", description = "folder name, created when missing (default: your Personal folder)")
    String folder;

    @Option(names = "--scope", paramLabel = "user|org", description = "whose folder --folder names (default: user)")
    Scope scope;

    @Option(names = "--folder-id", paramLabel = "ID", description = "an existing folder instead of --folder")
    String folderId;

    @Option(names = "--metadata", paramLabel = "JSON", description = "sidecar sharing the video's base name (dashcam.mp4 + dashcam.json)")
    Path metadata;

    @Option(names = "--name", description = "display name (default: the file name)")
    String name;

    @Option(names = "--wait", description = "wait until each video is processed, showing its steps")
    boolean waitForProcessing;

    @Option(names = "--timeout", defaultValue = "1h", paramLabel = "DURATION", description = "how long --wait waits per video (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N", description = "parts sent at once for large files (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--resume", paramLabel = "UPLOAD_ID", description = "finish an interrupted upload of FILE")
    String resumeId;

    UploadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        int failures = 0;
        List<Video> uploaded = new ArrayList<>();
        for (Path file : files) {
            ProgressBar bar = new ProgressBar(file.getFileName().toString(), context.err, context.interactive, System::nanoTime);
            try {
                Video video = resumeId != null
                        ? context.client().uploads().resume(resumeId, file, bar)
                        : context.client().uploads().upload(params(file).progress(bar).build());
                bar.finish();
                context.out.println(video.id());
                context.out.flush();
                uploaded.add(video);
            } catch (IncompleteUploadException e) {
                bar.finish();
                context.err.println(SightlineCli.describe(e.getCause() instanceof Exception cause ? cause : e, context));
                context.err.println("The parts sent so far are kept; finish with: sightline upload --resume " + e.uploadId() + " " + file);
                failures++;
            } catch (SightlineException | UncheckedIOException | IllegalArgumentException e) {
                bar.finish();
                context.err.println(file + ": " + SightlineCli.describe(e, context));
                failures++;
            }
        }
        if (waitForProcessing) {
            for (Video video : uploaded) {
                if (!waitFor(video)) failures++;
            }
        }
        return failures == 0 ? SightlineCli.OK : SightlineCli.FAILED;
    }

    private boolean waitFor(Video video) {
        StepsView.Live live = new StepsView.Live(context.err, context.interactive, video.name());
        try {
            context.client().videos().waitUntilProcessed(video.id(), timeout, live::show);
            return true;
        } catch (SightlineException e) {
            context.err.println(SightlineCli.describe(e, context));
            return false;
        }
    }

    private UploadParams.Builder params(Path file) {
        UploadParams.Builder params = UploadParams.builder(file).name(name).folderId(folderId).metadata(metadata)
                .parallelism(parallel)
                // Keep the parts of a failed large upload so --resume can finish it instead of starting over.
                .keepOnFailure(true);
        if (folder != null) params.folder(folder, scope);
        return params;
    }

    private void validate() {
        if (files.size() > 1 && (name != null || metadata != null || resumeId != null)) {
            throw new UsageException("--name, --metadata and --resume apply to one file; upload the others separately");
        }
        if (folderId != null && (folder != null || scope != null)) {
            throw new UsageException("give either --folder-id or --folder (with --scope), not both");
        }
        if (scope != null && folder == null) throw new UsageException("--scope needs --folder");
        if (parallel < 1) throw new UsageException("--parallel must be at least 1");
        for (Path file : files) {
            if (!Files.isRegularFile(file)) throw new UsageException("no such file: " + file);
        }
        if (metadata != null && !Files.isRegularFile(metadata)) throw new UsageException("no such file: " + metadata);
    }
}
