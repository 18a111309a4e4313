package io.sightline.api;

public record Health(String status, String version) {}
