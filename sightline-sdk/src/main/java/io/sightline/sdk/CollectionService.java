package io.sightline.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sightline.api.AddVideoRequest;
import io.sightline.api.Collection;
import io.sightline.api.CollectionRequest;
import io.sightline.api.Page;
import io.sightline.api.Video;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;
import io.sightline.sdk.internal.Pager;

import java.util.stream.Stream;

/** {@code /v1/collections}: named sets of videos; a video can be in many. */
public final class CollectionService {
    private static final TypeReference<Page<Collection>> COLLECTION_PAGE = new TypeReference<>() {};
    private static final TypeReference<Page<Video>> VIDEO_PAGE = new TypeReference<>() {};

    private final ApiClient api;

    CollectionService(ApiClient api) {
        this.api = api;
    }

    public Page<Collection> list(PageParams page) {
        return api.execute(paged(ApiRequest.get("/v1/collections"), page), COLLECTION_PAGE);
    }

    public Stream<Collection> listAll() {
        return Pager.stream(0, offset -> list(PageParams.of(offset, Pager.PAGE_SIZE)));
    }

    /** @throws ConflictException when a collection of that name exists */
    public Collection create(CollectionRequest request) {
        return api.execute(ApiRequest.post("/v1/collections").json(request), Collection.class);
    }

    public Collection get(String collectionId) {
        return api.execute(ApiRequest.get("/v1/collections/{}", collectionId), Collection.class);
    }

    /** Changes the fields that are not null in {@code request}. */
    public Collection update(String collectionId, CollectionRequest request) {
        return api.execute(ApiRequest.patch("/v1/collections/{}", collectionId).json(request), Collection.class);
    }

    /** Deletes the collection; its videos stay. */
    public void delete(String collectionId) {
        api.execute(ApiRequest.delete("/v1/collections/{}", collectionId));
    }

    public Page<Video> videos(String collectionId, PageParams page) {
        return api.execute(paged(ApiRequest.get("/v1/collections/{}/videos", collectionId), page), VIDEO_PAGE);
    }

    public Stream<Video> listAllVideos(String collectionId) {
        return Pager.stream(0, offset -> videos(collectionId, PageParams.of(offset, Pager.PAGE_SIZE)));
    }

    /** @throws ConflictException when the video is already in the collection */
    public void addVideo(String collectionId, String videoId) {
        api.execute(ApiRequest.post("/v1/collections/{}/videos", collectionId).json(new AddVideoRequest(videoId)));
    }

    public void removeVideo(String collectionId, String videoId) {
        api.execute(ApiRequest.delete("/v1/collections/{}/videos/{}", collectionId, videoId));
    }

    private static ApiRequest paged(ApiRequest request, PageParams page) {
        return request.query("offset", page.offset().orElse(null)).query("limit", page.limit().orElse(null));
    }
}
