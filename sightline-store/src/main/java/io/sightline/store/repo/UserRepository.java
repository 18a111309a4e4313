package io.sightline.store.repo;

import io.sightline.api.Org;
import io.sightline.api.User;
import java.util.Optional;

/** Organisations, users and their API keys (stored as hashes only). */
public interface UserRepository {

    Org createOrg(Org org);

    Optional<Org> findOrg(String id);

    Optional<Org> findOrgByName(String name);

    User createUser(User user);

    Optional<User> findUser(String id);

    long countUsers();

    void addApiKey(String userId, String keyHash);

    Optional<User> findByApiKeyHash(String keyHash);
}
