package io.sightline.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sightline.api.Folder;
import io.sightline.api.FolderRequest;
import io.sightline.api.Page;
import io.sightline.sdk.internal.ApiClient;
import io.sightline.sdk.internal.ApiRequest;
import io.sightline.sdk.internal.Pager;

import java.util.stream.Stream;

/** {@code /v1/folders}: places for videos, owned by a user or shared by an organisation. */
public final class FolderService {
    private static final TypeReference<Page<Folder>> FOLDER_PAGE = new TypeReference<>() {};

    private final ApiClient api;

    FolderService(ApiClient api) {
        this.api = api;
    }

    public Page<Folder> list(FolderListParams params) {
        return api.execute(ApiRequest.get("/v1/folders")
                .query("scope", params.scope().map(scope -> scope.wireName()).orElse(null))
                .query("offset", params.page().offset().orElse(null))
                .query("limit", params.page().limit().orElse(null)), FOLDER_PAGE);
    }

    public Stream<Folder> listAll(FolderListParams params) {
        FolderListParams pages = FolderListParams.of(params.scope().orElse(null),
                PageParams.of(0, params.page().limit().orElse(Pager.PAGE_SIZE)));
        return Pager.stream(params.page().offset().orElse(0), offset -> list(pages.withOffset(offset)));
    }

    /** Creates the folder, or returns the existing one of the same name and scope. */
    public Folder create(FolderRequest request) {
        // Create-or-get, so sending it twice is harmless and it may be retried.
        return api.execute(ApiRequest.post("/v1/folders").json(request).idempotent(), Folder.class);
    }

    public Folder get(String folderId) {
        return api.execute(ApiRequest.get("/v1/folders/{}", folderId), Folder.class);
    }

    /** @throws ConflictException while the folder still holds videos */
    public void delete(String folderId) {
        api.execute(ApiRequest.delete("/v1/folders/{}", folderId));
    }
}
