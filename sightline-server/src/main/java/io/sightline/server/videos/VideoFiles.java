package io.sightline.server.videos;

/** Where a video's bytes live in the blob store. One place, so no two pieces of code disagree. */
public final class VideoFiles {

    public static final String SOURCE = "source";
    public static final String PLAYABLE = "video.mp4";
    public static final String HLS_DIR = "hls";
    public static final String HLS_PLAYLIST = "hls/index.m3u8";
    public static final String POSTER = "poster.jpg";
    public static final String STORYBOARD = "storyboard.jpg";

    private VideoFiles() {}

    public static String prefix(String videoId) {
        return "videos/" + videoId + "/";
    }

    public static String key(String videoId, String file) {
        return prefix(videoId) + file;
    }
}
