package io.sightline.api;

public record CreateOrgRequest(String name) {}
