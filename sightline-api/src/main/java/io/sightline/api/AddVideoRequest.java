package io.sightline.api;

public record AddVideoRequest(String videoId) {}
