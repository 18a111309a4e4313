package io.sightline.server.collections;

import io.sightline.api.Collection;
import io.sightline.api.Page;
import io.sightline.api.User;
import io.sightline.api.Video;
import io.sightline.server.Ids;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Names;
import io.sightline.server.videos.VideoService;
import io.sightline.store.StoreException;
import io.sightline.store.repo.CollectionRepository;
import io.sightline.store.repo.VideoQuery;

/** A user's collections of videos they can see. */
public final class CollectionService {

    private final CollectionRepository collections;
    private final VideoService videos;
    private final java.time.Clock clock;

    public CollectionService(CollectionRepository collections, VideoService videos, java.time.Clock clock) {
        this.collections = collections;
        this.clock = clock;
        this.videos = videos;
    }

    public Collection create(User user, String name, String description) {
        String checked = Names.check("collection name", name);
        try {
            return collections.create(new Collection(Ids.next("col"), checked, description, 0, clock.instant()), user.id());
        } catch (StoreException.Duplicate e) {
            throw ApiException.conflict("you already have a collection named '" + checked + "'");
        }
    }

    public Collection get(User user, String id) {
        String owner = collections.ownerOf(id).orElseThrow(() -> ApiException.notFound("collection " + id));
        if (!owner.equals(user.id())) throw ApiException.forbidden("collection " + id);
        return collections.find(id).orElseThrow(() -> ApiException.notFound("collection " + id));
    }

    public Page<Collection> list(User user, int offset, int limit) {
        return collections.list(user.id(), offset, limit);
    }

    public Collection update(User user, String id, String name, String description) {
        get(user, id);
        if (name == null && description == null) throw ApiException.badRequest("give a name or a description to change");
        try {
            collections.update(id, name == null ? null : Names.check("collection name", name), description);
        } catch (StoreException.Duplicate e) {
            throw ApiException.conflict("you already have a collection named '" + name + "'");
        }
        return get(user, id);
    }

    public void delete(User user, String id) {
        get(user, id);
        collections.delete(id);
    }

    public Page<Video> videos(User user, String id, VideoQuery query) {
        get(user, id);
        return videos.list(query);
    }

    public void addVideo(User user, String id, String videoId) {
        get(user, id);
        if (videoId == null || videoId.isBlank()) throw ApiException.badRequest("videoId is required");
        videos.get(user, videoId);
        try {
            collections.addVideo(id, videoId);
        } catch (StoreException.Duplicate e) {
            throw ApiException.conflict("video " + videoId + " is already in collection " + id);
        }
    }

    public void removeVideo(User user, String id, String videoId) {
        get(user, id);
        if (!collections.removeVideo(id, videoId)) throw ApiException.notFound("video " + videoId + " in collection " + id);
    }
}
