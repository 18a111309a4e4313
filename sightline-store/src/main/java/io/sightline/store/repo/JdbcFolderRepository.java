package io.sightline.store.repo;

import io.sightline.api.Folder;
import io.sightline.api.Page;
import io.sightline.api.Scope;
import io.sightline.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public final class JdbcFolderRepository implements FolderRepository {

    private static final String SELECT = "select f.*, (select count(*) from videos v where v.folder_id = f.id) as video_count from folders f";
    private static final String VISIBLE = " where ((f.scope = 'user' and f.owner_id = ?) or (f.scope = 'org' and f.owner_id = ?))";

    private final Jdbc jdbc;

    public JdbcFolderRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Folder create(Folder folder, String createdBy) {
        jdbc.update("insert into folders(id, name, scope, owner_id, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
                folder.id(), folder.name(), folder.scope(), folder.ownerId(), createdBy, folder.createdAt());
        return folder;
    }

    @Override
    public Optional<Folder> find(String id) {
        return jdbc.queryOne(SELECT + " where f.id = ?", JdbcFolderRepository::folder, id);
    }

    @Override
    public Optional<Folder> findByName(Scope scope, String ownerId, String name) {
        return jdbc.queryOne(SELECT + " where f.scope = ? and f.owner_id = ? and f.name = ?", JdbcFolderRepository::folder,
                scope, ownerId, name);
    }

    @Override
    public Page<Folder> listVisible(String userId, String orgId, Scope scope, int offset, int limit) {
        String filter = VISIBLE + (scope == null ? "" : " and f.scope = '" + scope.wireName() + "'");
        long total = jdbc.queryLong("select count(*) from folders f" + filter, userId, orgId);
        List<Folder> items = jdbc.query(SELECT + filter + " order by f.scope desc, f.name limit ? offset ?",
                JdbcFolderRepository::folder, userId, orgId, limit, offset);
        return new Page<>(items, total, offset, limit);
    }

    @Override
    public void delete(String id) {
        jdbc.update("delete from folders where id = ?", id);
    }

    private static Folder folder(ResultSet rs) throws SQLException {
        return new Folder(rs.getString("id"), rs.getString("name"), Scope.parse(rs.getString("scope")),
                rs.getString("owner_id"), rs.getLong("video_count"), Jdbc.instant(rs, "created_at"));
    }
}
