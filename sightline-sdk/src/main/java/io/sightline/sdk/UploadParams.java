package io.sightline.sdk;

import io.sightline.api.Scope;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to upload with {@link UploadService#upload}. The folder is given either by name
 * ({@code folder} + {@code scope}, created when missing) or by {@code folderId}; with neither the
 * video goes to the personal folder.
 */
public final class UploadParams {
    /** Files at least this large use the resumable multipart API. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 32L * 1024 * 1024;
    public static final int DEFAULT_PARALLELISM = 4;

    private final Path file;
    private final String name;
    private final String folder;
    private final Scope scope;
    private final String folderId;
    private final Path metadata;
    private final UploadProgress progress;
    private final long multipartThreshold;
    private final int parallelism;
    private final boolean keepOnFailure;

    private UploadParams(Builder builder) {
        this.file = Objects.requireNonNull(builder.file, "file");
        if (builder.folderId != null && (builder.folder != null || builder.scope != null)) {
            throw new IllegalArgumentException("give either folderId or folder (+ scope), not both");
        }
        this.name = builder.name;
        this.folder = builder.folder;
        this.scope = builder.scope;
        this.folderId = builder.folderId;
        this.metadata = builder.metadata;
        this.progress = builder.progress;
        this.multipartThreshold = builder.multipartThreshold;
        this.parallelism = builder.parallelism;
        this.keepOnFailure = builder.keepOnFailure;
    }

    public static Builder builder(Path file) {
        return new Builder(file);
    }

    public Path file() {
        return file;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> folder() {
        return Optional.ofNullable(folder);
    }

    public Optional<Scope> scope() {
        return Optional.ofNullable(scope);
    }

    public Optional<String> folderId() {
        return Optional.ofNullable(folderId);
    }

    public Optional<Path> metadata() {
        return Optional.ofNullable(metadata);
    }

    public UploadProgress progress() {
        return progress;
    }

    public long multipartThreshold() {
        return multipartThreshold;
    }

    public int parallelism() {
        return parallelism;
    }

    public boolean keepOnFailure() {
        return keepOnFailure;
    }

    public static final class Builder {
        private final Path file;
        private String name;
        private String folder;
        private Scope scope;
        private String folderId;
        private Path metadata;
        private UploadProgress progress = UploadProgress.none();
        private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private int parallelism = DEFAULT_PARALLELISM;
        private boolean keepOnFailure;

        private Builder(Path file) {
            this.file = file;
        }

        /**
         * Display name; defaults to the file name. Only direct uploads can carry it: the multipart
         * API has no name field yet, so a name on a file above the threshold is refused.
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder folder(String folder, Scope scope) {
            this.folder = folder;
            this.scope = scope;
            return this;
        }

        public Builder folder(String folder) {
            this.folder = folder;
            return this;
        }

        public Builder folderId(String folderId) {
            this.folderId = folderId;
            return this;
        }

        /** A sidecar JSON file sharing the video's base name: {@code dashcam.mp4} + {@code dashcam.json}. */
        public Builder metadata(Path metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder progress(UploadProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Files of at least this many bytes go through the resumable multipart API; 0 sends every file that way. */
        public Builder multipartThreshold(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("multipartThreshold must not be negative");
            this.multipartThreshold = bytes;
            return this;
        }

        /** How many parts are sent at once. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
            this.parallelism = parallelism;
            return this;
        }

        /**
         * When a multipart upload fails, keep what was sent and throw {@link IncompleteUploadException}
         * with the upload id for {@link UploadService#resume}, instead of aborting it.
         */
        public Builder keepOnFailure(boolean keepOnFailure) {
            this.keepOnFailure = keepOnFailure;
            return this;
        }

        public UploadParams build() {
            return new UploadParams(this);
        }
    }
}
