package io.sightline.media;

/**
 * A storyboard sprite: {@code tiles} thumbnails, one every {@code intervalSeconds}, laid out left
 * to right and top to bottom in a {@code columns x rows} grid of {@code tileWidth x tileHeight}.
 */
public record StoryboardLayout(int columns, int rows, int tileWidth, int tileHeight, double intervalSeconds, int tiles) {

    public static final int TILE_WIDTH = 160;
    public static final int MAX_TILES = 100;
    public static final int COLUMNS = 10;

    /** One tile a second for short videos, fewer for long ones, never more than {@link #MAX_TILES}. */
    public static StoryboardLayout forVideo(double durationSeconds, int displayWidth, int displayHeight) {
        double interval = Math.max(1, Math.ceil(durationSeconds / MAX_TILES));
        int tiles = (int) Math.max(1, Math.min(MAX_TILES, Math.ceil(durationSeconds / interval)));
        int columns = Math.min(COLUMNS, tiles);
        int rows = (tiles + columns - 1) / columns;
        int tileHeight = Math.max(2, (int) Math.round(TILE_WIDTH * (double) displayHeight / displayWidth / 2) * 2);
        return new StoryboardLayout(columns, rows, TILE_WIDTH, tileHeight, interval, tiles);
    }
}
