package io.sightline.store.repo;

import io.sightline.api.MultipartUpload;
import io.sightline.api.UploadPart;
import io.sightline.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public final class JdbcUploadRepository implements UploadRepository {

    private final Jdbc jdbc;

    public JdbcUploadRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(UploadRecord r) {
        MultipartUpload u = r.upload();
        jdbc.update("""
                insert into uploads(id, user_id, folder_id, filename, name, content_type, part_size, metadata_json, state, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                u.uploadId(), r.userId(), u.folderId(), u.filename(), r.name(), r.contentType(), u.partSize(), r.metadataJson(), u.state(),
                u.createdAt(), u.expiresAt());
    }

    @Override
    public Optional<UploadRecord> find(String uploadId) {
        return jdbc.queryOne("select * from uploads where id = ?", JdbcUploadRepository::upload, uploadId);
    }

    @Override
    public void putPart(String uploadId, UploadPart part) {
        jdbc.update("""
                insert into upload_parts(upload_id, part_number, size, sha256, uploaded_at) values (?, ?, ?, ?, ?)
                on conflict(upload_id, part_number) do update set size = excluded.size, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at""",
                uploadId, part.partNumber(), part.size(), part.sha256(), part.uploadedAt());
    }

    @Override
    public List<UploadPart> parts(String uploadId) {
        return jdbc.query("select * from upload_parts where upload_id = ? order by part_number", rs -> new UploadPart(
                rs.getInt("part_number"), rs.getLong("size"), rs.getString("sha256"), Jdbc.instant(rs, "uploaded_at")), uploadId);
    }

    @Override
    public void markCompleted(String uploadId, String videoId) {
        jdbc.update("update uploads set state = 'completed', video_id = ? where id = ?", videoId, uploadId);
    }

    @Override
    public void markAborted(String uploadId) {
        jdbc.inTransaction(() -> {
            jdbc.update("delete from upload_parts where upload_id = ?", uploadId);
            jdbc.update("update uploads set state = 'aborted' where id = ?", uploadId);
        });
    }

    private static UploadRecord upload(ResultSet rs) throws SQLException {
        MultipartUpload upload = new MultipartUpload(rs.getString("id"), rs.getString("filename"), rs.getString("folder_id"),
                rs.getLong("part_size"), rs.getString("state"), rs.getString("video_id"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"));
        return new UploadRecord(upload, rs.getString("user_id"), rs.getString("name"), rs.getString("content_type"), rs.getString("metadata_json"));
    }
}
