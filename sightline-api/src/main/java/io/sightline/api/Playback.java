package io.sightline.api;

import java.time.Instant;

/**
 * Signed, short-lived URLs for playing a processed video; no API key is needed to fetch them
 * and none is ever put in them.
 */
public record Playback(String hlsUrl, String posterUrl, String storyboardUrl, Storyboard storyboard, Instant expiresAt) {

    /** A sprite of {@code columns x rows} tiles, one every {@code intervalSeconds}, left to right then top to bottom. */
    public record Storyboard(int columns, int rows, int tileWidth, int tileHeight, double intervalSeconds, int tiles) {}
}
