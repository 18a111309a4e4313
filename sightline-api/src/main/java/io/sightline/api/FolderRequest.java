package io.sightline.api;

/** Create-or-get a folder: an existing folder of the same name and scope is returned as it is. */
public record FolderRequest(String name, Scope scope) {}
