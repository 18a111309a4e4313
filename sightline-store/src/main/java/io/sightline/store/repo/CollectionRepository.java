package io.sightline.store.repo;

import io.sightline.api.Collection;
import io.sightline.api.Page;
import java.util.Optional;

/** A user's named sets of videos. Membership rows go when either side is deleted. */
public interface CollectionRepository {

    Collection create(Collection collection, String ownerId);

    Optional<Collection> find(String id);

    Optional<String> ownerOf(String id);

    Page<Collection> list(String ownerId, int offset, int limit);

    void update(String id, String name, String description);

    void delete(String id);

    /** Throws {@link io.sightline.store.StoreException.Duplicate} when the video is already in it. */
    void addVideo(String collectionId, String videoId);

    /** Whether a membership was removed. */
    boolean removeVideo(String collectionId, String videoId);
}
