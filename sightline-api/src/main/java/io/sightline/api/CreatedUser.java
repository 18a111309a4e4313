package io.sightline.api;

/** A new user and their API key; the key is shown this once and only its hash is stored. */
public record CreatedUser(User user, String apiKey) {}
