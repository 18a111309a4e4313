package io.sightline.sdk;

import io.sightline.api.Health;
import io.sightline.api.User;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;
import io.sightline.sdk.internal.ClientOptions;
import io.sightline.sdk.internal.HttpTransport;
import io.sightline.sdk.internal.RetryingTransport;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Sightline client. Create one and share it: it is thread-safe and holds a connection pool.
 *
 * <pre>{@code
 * try (Sightline client = Sightline.builder().apiKey(key).baseUrl("http://localhost:8080").build()) {
 *     Video video = client.uploads().upload(UploadParams.builder(Path.of("dashcam.mp4")).build());
 *     client.videos().waitUntilProcessed(video.id(), Duration.ofMinutes(10));
 * }
 * }</pre>
 */
public final class Sightline implements AutoCloseable {
    public static final String DEFAULT_URL = "http://localhost:8080";
    public static final String VERSION = "0.1.0";

    private final Builder settings;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final ApiClient api;
    private final UploadService uploads;
    private final ImportService imports;
    private final SearchService search;
    private final VideoService videos;
    private final FolderService folders;
    private final CollectionService collections;
    private final UserService users;
    private final OrgService orgs;

    private Sightline(Builder settings, HttpClient http, boolean ownsHttp) {
        this.settings = settings;
        this.http = http;
        this.ownsHttp = ownsHttp;
        ClientOptions options = new ClientOptions(URI.create(settings.baseUrl), settings.apiKey, settings.timeout,
                settings.maxRetries, settings.userAgent, settings.sleeper, settings.clock);
        this.api = new ApiClient(options, new RetryingTransport(new HttpTransport(http), settings.maxRetries,
                settings.sleeper, settings.clock));
        this.uploads = new UploadService(api);
        this.imports = new ImportService(api);
        this.search = new SearchService(api);
        this.videos = new VideoService(api);
        this.folders = new FolderService(api);
        this.collections = new CollectionService(api);
        this.users = new UserService(api);
        this.orgs = new OrgService(api);
    }

    /** A builder with the key from {@code SIGHTLINE_API_KEY} and the URL from {@code SIGHTLINE_URL}, when set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client with some options changed, sharing this one's connection pool; closing the copy
     * leaves the pool open, closing this client closes it for both.
     *
     * <pre>{@code client.withOptions(options -> options.maxRetries(0).timeout(Duration.ofSeconds(5)))}</pre>
     */
    public Sightline withOptions(Consumer<Builder> change) {
        Builder copy = settings.copy();
        change.accept(copy);
        copy.validate();
        return new Sightline(copy, http, false);
    }

    public UploadService uploads() {
        return uploads;
    }

    public SearchService search() {
        return search;
    }

    public ImportService imports() {
        return imports;
    }

    public VideoService videos() {
        return videos;
    }

    public FolderService folders() {
        return folders;
    }

    public CollectionService collections() {
        return collections;
    }

    /** Administrators only. */
    public UserService users() {
        return users;
    }

    /** Administrators only. */
    public OrgService orgs() {
        return orgs;
    }

    /** The user the API key belongs to. */
    public User me() {
        return api.execute(ApiRequest.get("/v1/me"), User.class);
    }

    /** Needs no key; answers while the server is up. */
    public Health health() {
        return api.execute(ApiRequest.get("/v1/health"), Health.class);
    }

    public String baseUrl() {
        return settings.baseUrl;
    }

    @Override
    public void close() {
        if (ownsHttp) http.close();
    }

    public static final class Builder {
        private String apiKey = System.getenv("SIGHTLINE_API_KEY");
        private String baseUrl = Objects.requireNonNullElse(System.getenv("SIGHTLINE_URL"), DEFAULT_URL);
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private String userAgent = "sightline-java/" + VERSION;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sent as {@code X-API-Key}; null leaves it out (only {@link #health()} works without one). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Where the server listens, such as {@code http://localhost:8080}; a path prefix is kept. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * How long an ordinary request may take from sending to the end of its response; uploads
         * get this plus time for their size at 1 Mbit/s.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How many times a failed request may be sent again; 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** How the client waits between retries and polls; for tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Time for Retry-After dates and polling deadlines; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Sightline build() {
            validate();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // parallel parts want parallel connections, and h2c upgrades buy nothing here
                    .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            return new Sightline(this, http, true);
        }

        private void validate() {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL such as " + DEFAULT_URL + ", not " + baseUrl);
            }
            if (uri.getQuery() != null) throw new IllegalArgumentException("baseUrl must not have a query: " + baseUrl);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.apiKey = apiKey;
            copy.baseUrl = baseUrl;
            copy.timeout = timeout;
            copy.maxRetries = maxRetries;
            copy.userAgent = userAgent;
            copy.sleeper = sleeper;
            copy.clock = clock;
            return copy;
        }
    }
}
