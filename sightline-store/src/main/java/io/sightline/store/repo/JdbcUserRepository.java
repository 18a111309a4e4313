package io.sightline.store.repo;

import io.sightline.api.Org;
import io.sightline.api.Role;
import io.sightline.api.User;
import io.sightline.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

public final class JdbcUserRepository implements UserRepository {

    private final Jdbc jdbc;

    public JdbcUserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Org createOrg(Org org) {
        jdbc.update("insert into orgs(id, name, created_at) values (?, ?, ?)", org.id(), org.name(), org.createdAt());
        return org;
    }

    @Override
    public Optional<Org> findOrg(String id) {
        return jdbc.queryOne("select * from orgs where id = ?", JdbcUserRepository::org, id);
    }

    @Override
    public Optional<Org> findOrgByName(String name) {
        return jdbc.queryOne("select * from orgs where name = ?", JdbcUserRepository::org, name);
    }

    @Override
    public User createUser(User user) {
        jdbc.update("insert into users(id, name, org_id, role, created_at) values (?, ?, ?, ?, ?)",
                user.id(), user.name(), user.orgId(), user.role(), user.createdAt());
        return user;
    }

    @Override
    public Optional<User> findUser(String id) {
        return jdbc.queryOne("select * from users where id = ?", JdbcUserRepository::user, id);
    }

    @Override
    public long countUsers() {
        return jdbc.queryLong("select count(*) from users");
    }

    @Override
    public void addApiKey(String userId, String keyHash) {
        jdbc.update("insert into api_keys(key_hash, user_id, created_at) values (?, ?, ?)", keyHash, userId, Instant.now());
    }

    @Override
    public Optional<User> findByApiKeyHash(String keyHash) {
        return jdbc.queryOne("select u.* from api_keys k join users u on u.id = k.user_id where k.key_hash = ?",
                JdbcUserRepository::user, keyHash);
    }

    private static Org org(ResultSet rs) throws SQLException {
        return new Org(rs.getString("id"), rs.getString("name"), Jdbc.instant(rs, "created_at"));
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("name"), rs.getString("org_id"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), Jdbc.instant(rs, "created_at"));
    }
}
