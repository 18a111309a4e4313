package io.sightline.sdk;

import io.sightline.api.Scope;

import java.util.Optional;

/** {@code GET /v1/folders}: folders of one scope, or of both when no scope is given. */
public final class FolderListParams {
    private final Scope scope;
    private final PageParams page;

    private FolderListParams(Scope scope, PageParams page) {
        this.scope = scope;
        this.page = page;
    }

    public static FolderListParams all() {
        return new FolderListParams(null, PageParams.first());
    }

    public static FolderListParams of(Scope scope, PageParams page) {
        return new FolderListParams(scope, page);
    }

    public FolderListParams withOffset(int offset) {
        return new FolderListParams(scope, page.withOffset(offset));
    }

    public Optional<Scope> scope() {
        return Optional.ofNullable(scope);
    }

    public PageParams page() {
        return page;
    }
}
