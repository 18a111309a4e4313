package io.sightline.api;

/** Import a video from an HTTP(S) URL. {@code name} defaults to the URL's last path segment. */
public record ImportRequest(String url, String name, String folder, Scope scope, String folderId) {}
