package io.sightline.server.pipeline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.server.http.ServerPaths;
import io.sightline.store.Jdbc;
import io.sightline.store.repo.VideoRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each video's processing steps in order as durable db-scheduler jobs, one job per step.
 * A step that is already completed is skipped, so a job that runs twice (after a crash, or
 * because it was scheduled twice) never redoes finished work.
 */
public final class Pipeline implements AutoCloseable {

    public static final List<String> MEDIA_STEPS = List.of("probe", "transcode", "hls", "thumbnails");
    public static final List<String> PERCEPTION_STEPS = List.of("perceive", "index");
    static final int MAX_ATTEMPTS = 3;
    private static final String TASK = "video-step";
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /** Tuning that differs between production and tests. */
    public record Settings(int workers, Duration pollingInterval, Duration firstRetryDelay, boolean singleNode) {
        public static Settings defaults() {
            return new Settings(2, Duration.ofSeconds(2), Duration.ofSeconds(5), true);
        }
    }

    private final VideoRepository videos;
    private final Map<String, StepHandler> handlers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Consumer<String> onVideoGone;
    private final OneTimeTask<String> task;
    private final Scheduler scheduler;

    /**
     * @param onVideoGone called when a step finishes for a video deleted meanwhile, to remove what the step wrote
     */
    public Pipeline(Jdbc jdbc, VideoRepository videos, Consumer<String> onVideoGone, Settings settings) {
        this.videos = videos;
        this.onVideoGone = onVideoGone;
        this.task = Tasks.oneTime(TASK, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetryDelay(), 3.0))
                .execute((instance, context) -> run(instance.getData()));
        if (settings.singleNode()) releaseAbandonedJobs(jdbc);
        this.scheduler = Scheduler.create(jdbc.dataSource(), task)
                .jdbcCustomization(new SqliteJdbcCustomization())
                .threads(settings.workers())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** The steps a new video goes through: an {@code import} first when it comes from a URL, perception when enabled. */
    public static List<String> steps(boolean imported, boolean perception) {
        List<String> steps = new java.util.ArrayList<>();
        if (imported) steps.add("import");
        steps.addAll(MEDIA_STEPS);
        if (perception) steps.addAll(PERCEPTION_STEPS);
        return List.copyOf(steps);
    }

    /** Registers the handler of a step; all handlers are registered before {@link #start}. */
    public Pipeline register(String step, StepHandler handler) {
        handlers.put(step, handler);
        return this;
    }

    public void start() {
        scheduler.start();
        for (String videoId : videos.unfinished()) scheduleNext(videoId);
    }

    /** Schedules the first step of the video that has not completed. */
    public void scheduleNext(String videoId) {
        nextStep(videoId).ifPresent(step ->
                scheduler.scheduleIfNotExists(task.instance(videoId + "." + step.name(), videoId + "\n" + step.name()), Instant.now()));
    }

    private Optional<ProcessingStep> nextStep(String videoId) {
        return videos.steps(videoId).stream().filter(s -> s.state() != StepState.COMPLETED).findFirst()
                .filter(s -> s.state() != StepState.FAILED);
    }

    private void run(String data) {
        String[] parts = data.split("\n", 2);
        String videoId = parts[0];
        String name = parts[1];
        Optional<ProcessingStep> step = videos.step(videoId, name);
        if (step.isEmpty() || step.get().state() == StepState.FAILED) return;
        if (step.get().state() == StepState.COMPLETED) {
            scheduleNext(videoId);
            return;
        }
        StepHandler handler = handlers.get(name);
        if (handler == null) {
            videos.finishStep(videoId, name, StepState.FAILED, "this server has no handler for step '" + name + "'");
            return;
        }
        videos.startStep(videoId, name);
        AtomicInteger reported = new AtomicInteger();
        try {
            handler.run(videoId, percentage -> {
                int clamped = Math.max(0, Math.min(99, percentage));
                if (clamped > reported.getAndAccumulate(clamped, Math::max)) videos.progressStep(videoId, name, clamped);
            });
        } catch (Exception e) {
            if (videos.find(videoId).isEmpty()) return;
            String message = describe(e);
            String shown = ServerPaths.hide(message); // the status is read by clients, the log by the operator
            int attempts = videos.step(videoId, name).map(ProcessingStep::attempts).orElse(MAX_ATTEMPTS);
            if (e instanceof StepHandler.Permanent || attempts >= MAX_ATTEMPTS) {
                log.warn("video {} step {} failed for good after {} attempt(s): {}", videoId, name, attempts, message);
                videos.finishStep(videoId, name, StepState.FAILED, shown);
                return;
            }
            log.info("video {} step {} failed (attempt {}), will retry: {}", videoId, name, attempts, message);
            videos.retryStep(videoId, name, "attempt " + attempts + " failed, retrying: " + shown);
            throw new RuntimeException(message, e);
        }
        if (videos.find(videoId).isEmpty()) {
            onVideoGone.accept(videoId);
            return;
        }
        videos.finishStep(videoId, name, StepState.COMPLETED, null);
        scheduleNext(videoId);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * In single-node mode a job still marked as picked at start-up belonged to this node before a
     * crash; releasing it resumes the work at once instead of after the dead-execution timeout.
     */
    private static void releaseAbandonedJobs(Jdbc jdbc) {
        int released = jdbc.update("update scheduled_tasks set picked = 0, picked_by = null, last_heartbeat = null where picked = 1");
        if (released > 0) log.info("resuming {} job(s) interrupted by the last shutdown", released);
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
