package io.sightline.store.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sightline.api.MediaInfo;
import io.sightline.api.Page;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import io.sightline.api.Video;
import io.sightline.api.VideoMetadata;
import io.sightline.api.VideoStatus;
import io.sightline.store.Jdbc;
import io.sightline.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcVideoRepository implements VideoRepository {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public JdbcVideoRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Video create(Video video, String orgId, List<String> steps, String sourceUrl) {
        jdbc.inTransaction(() -> {
            jdbc.update("""
                    insert into videos(id, name, folder_id, owner_id, org_id, status, size_bytes, content_type, source_url,
                                       media_json, metadata_json, duration, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    video.id(), video.name(), video.folderId(), video.ownerId(), orgId, video.status(), video.sizeBytes(),
                    video.contentType(), sourceUrl, write(video.media()), write(video.metadata()),
                    video.media() == null ? null : video.media().durationSeconds(), video.createdAt(), video.updatedAt());
            for (int i = 0; i < steps.size(); i++) {
                jdbc.update("insert into video_steps(video_id, name, position, state, percentage, attempts) values (?, ?, ?, 'pending', 0, 0)",
                        video.id(), steps.get(i), i);
            }
        });
        return video;
    }

    @Override
    public Optional<Video> find(String id) {
        return jdbc.queryOne("select v.* from videos v where v.id = ?", this::video, id);
    }

    @Override
    public Optional<String> sourceUrl(String id) {
        return jdbc.queryOne("select source_url from videos where id = ?", rs -> rs.getString(1), id);
    }

    @Override
    public Optional<String> orgOf(String id) {
        return jdbc.queryOne("select org_id from videos where id = ?", rs -> rs.getString(1), id);
    }

    @Override
    public Page<Video> list(VideoQuery q) {
        StringBuilder where = new StringBuilder(
                " from videos v join folders f on f.id = v.folder_id where (v.owner_id = ? or (f.scope = 'org' and f.owner_id = ?))");
        List<Object> args = new ArrayList<>(List.of(q.userId(), q.orgId()));
        if (q.status() != null) { where.append(" and v.status = ?"); args.add(q.status()); }
        if (q.folderId() != null) { where.append(" and v.folder_id = ?"); args.add(q.folderId()); }
        if (q.collectionId() != null) {
            where.append(" and v.id in (select video_id from collection_videos where collection_id = ?)");
            args.add(q.collectionId());
        }
        if (q.createdAfter() != null) { where.append(" and v.created_at >= ?"); args.add(q.createdAfter()); }
        if (q.createdBefore() != null) { where.append(" and v.created_at < ?"); args.add(q.createdBefore()); }
        long total = jdbc.queryLong("select count(*)" + where, args.toArray());
        String column = VideoQuery.SORT_COLUMNS.getOrDefault(q.sort(), "v.created_at");
        String order = " order by " + column + (q.ascending() ? " asc" : " desc") + ", v.id" + (q.ascending() ? " asc" : " desc");
        args.add(q.limit());
        args.add(q.offset());
        List<Video> items = jdbc.query("select v.*" + where + order + " limit ? offset ?", this::video, args.toArray());
        return new Page<>(items, total, q.offset(), q.limit());
    }

    @Override
    public void delete(String id) {
        jdbc.update("delete from videos where id = ?", id);
    }

    @Override
    public void updateName(String id, String name) {
        jdbc.update("update videos set name = ?, updated_at = ? where id = ?", name, Instant.now(), id);
    }

    @Override
    public void updateSize(String id, long sizeBytes) {
        jdbc.update("update videos set size_bytes = ?, updated_at = ? where id = ?", sizeBytes, Instant.now(), id);
    }

    @Override
    public void updateMedia(String id, MediaInfo media) {
        jdbc.update("update videos set media_json = ?, duration = ?, updated_at = ? where id = ?",
                write(media), media.durationSeconds(), Instant.now(), id);
    }

    @Override
    public Optional<String> storyboardJson(String id) {
        return jdbc.queryOne("select storyboard_json from videos where id = ? and storyboard_json is not null", rs -> rs.getString(1), id);
    }

    @Override
    public void updateStoryboard(String id, String storyboardJson) {
        jdbc.update("update videos set storyboard_json = ?, updated_at = ? where id = ?", storyboardJson, Instant.now(), id);
    }

    @Override
    public List<ProcessingStep> steps(String videoId) {
        return jdbc.query("select * from video_steps where video_id = ? order by position", JdbcVideoRepository::step, videoId);
    }

    @Override
    public Optional<ProcessingStep> step(String videoId, String name) {
        return jdbc.queryOne("select * from video_steps where video_id = ? and name = ?", JdbcVideoRepository::step, videoId, name);
    }

    @Override
    public void startStep(String videoId, String name) {
        changeStep(videoId, "update video_steps set state = 'in_progress', percentage = 0, error = null, attempts = attempts + 1, "
                + "started_at = ?, finished_at = null where video_id = ? and name = ?", Instant.now(), videoId, name);
    }

    @Override
    public void progressStep(String videoId, String name, int percentage) {
        jdbc.update("update video_steps set percentage = ? where video_id = ? and name = ? and state = 'in_progress' and percentage < ?",
                percentage, videoId, name, percentage);
    }

    @Override
    public void retryStep(String videoId, String name, String error) {
        jdbc.update("update video_steps set error = ? where video_id = ? and name = ?", error, videoId, name);
    }

    @Override
    public void finishStep(String videoId, String name, StepState finalState, String error) {
        changeStep(videoId, "update video_steps set state = ?, percentage = ?, error = ?, finished_at = ? where video_id = ? and name = ?",
                finalState, finalState == StepState.COMPLETED ? 100 : 0, error, Instant.now(), videoId, name);
    }

    @Override
    public List<String> unfinished() {
        return jdbc.query("select distinct video_id from video_steps where state in ('pending', 'in_progress')", rs -> rs.getString(1));
    }

    /** Applies a step change and re-derives the video's status in the same transaction. */
    private void changeStep(String videoId, String sql, Object... args) {
        jdbc.inTransaction(() -> {
            jdbc.update(sql, args);
            List<StepState> states = steps(videoId).stream().map(ProcessingStep::state).toList();
            jdbc.update("update videos set status = ?, updated_at = ? where id = ?",
                    VideoStatus.of(StepState.derive(states)), Instant.now(), videoId);
        });
    }

    private Video video(ResultSet rs) throws SQLException {
        return new Video(rs.getString("id"), rs.getString("name"), rs.getString("folder_id"), rs.getString("owner_id"),
                VideoStatus.parse(rs.getString("status")), rs.getLong("size_bytes"), rs.getString("content_type"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                read(rs.getString("media_json"), MediaInfo.class), read(rs.getString("metadata_json"), VideoMetadata.class));
    }

    private static ProcessingStep step(ResultSet rs) throws SQLException {
        return new ProcessingStep(rs.getString("name"), StepState.parse(rs.getString("state")), rs.getInt("percentage"),
                rs.getString("error"), rs.getInt("attempts"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
    }

    private String write(Object value) {
        if (value == null) return null;
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) return null;
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt " + type.getSimpleName() + " document", e);
        }
    }
}
