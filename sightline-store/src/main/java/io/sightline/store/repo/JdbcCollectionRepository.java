package io.sightline.store.repo;

import io.sightline.api.Collection;
import io.sightline.api.Page;
import io.sightline.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

public final class JdbcCollectionRepository implements CollectionRepository {

    private static final String SELECT = "select c.*, (select count(*) from collection_videos cv where cv.collection_id = c.id) as video_count from collections c";

    private final Jdbc jdbc;

    public JdbcCollectionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Collection create(Collection c, String ownerId) {
        jdbc.update("insert into collections(id, name, description, owner_id, created_at) values (?, ?, ?, ?, ?)",
                c.id(), c.name(), c.description(), ownerId, c.createdAt());
        return c;
    }

    @Override
    public Optional<Collection> find(String id) {
        return jdbc.queryOne(SELECT + " where c.id = ?", JdbcCollectionRepository::collection, id);
    }

    @Override
    public Optional<String> ownerOf(String id) {
        return jdbc.queryOne("select owner_id from collections where id = ?", rs -> rs.getString(1), id);
    }

    @Override
    public Page<Collection> list(String ownerId, int offset, int limit) {
        long total = jdbc.queryLong("select count(*) from collections where owner_id = ?", ownerId);
        return new Page<>(jdbc.query(SELECT + " where c.owner_id = ? order by c.created_at desc, c.id limit ? offset ?",
                JdbcCollectionRepository::collection, ownerId, limit, offset), total, offset, limit);
    }

    @Override
    public void update(String id, String name, String description) {
        jdbc.update("update collections set name = coalesce(?, name), description = coalesce(?, description) where id = ?",
                name, description, id);
    }

    @Override
    public void delete(String id) {
        jdbc.update("delete from collections where id = ?", id);
    }

    @Override
    public void addVideo(String collectionId, String videoId) {
        jdbc.update("insert into collection_videos(collection_id, video_id, added_at) values (?, ?, ?)", collectionId, videoId, Instant.now());
    }

    @Override
    public boolean removeVideo(String collectionId, String videoId) {
        return jdbc.update("delete from collection_videos where collection_id = ? and video_id = ?", collectionId, videoId) > 0;
    }

    private static Collection collection(ResultSet rs) throws SQLException {
        return new Collection(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getLong("video_count"), Jdbc.instant(rs, "created_at"));
    }
}
