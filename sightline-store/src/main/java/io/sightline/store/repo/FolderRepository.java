package io.sightline.store.repo;

import io.sightline.api.Folder;
import io.sightline.api.Page;
import io.sightline.api.Scope;
import java.util.Optional;

public interface FolderRepository {

    /** Inserts the folder; throws {@link io.sightline.store.StoreException.Duplicate} when the name is taken in its scope. */
    Folder create(Folder folder, String createdBy);

    Optional<Folder> find(String id);

    Optional<Folder> findByName(Scope scope, String ownerId, String name);

    /** The user's own folders and their organisation's, optionally of one scope. */
    Page<Folder> listVisible(String userId, String orgId, Scope scope, int offset, int limit);

    void delete(String id);
}
