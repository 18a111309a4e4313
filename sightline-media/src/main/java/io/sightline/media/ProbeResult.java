package io.sightline.media;

/**
 * What ffprobe says about a file.
 *
 * @param rotation          clockwise degrees (0, 90, 180, 270) the picture must be turned for display
 * @param width             coded width, before rotation
 * @param variableFrameRate the nominal and average frame rates disagree by more than 1 %
 * @param audioCodec        null without an audio stream
 */
public record ProbeResult(String container, double durationSeconds, int width, int height, double fps,
                          String videoCodec, String audioCodec, int rotation, boolean variableFrameRate, long bitRate) {

    /** Width as displayed, after rotation. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height as displayed, after rotation. */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    /**
     * Whether the source can be remuxed as it is into the H.264/AAC MP4 that HLS packaging
     * expects; anything else (other codecs, VFR, rotation, which MPEG-TS cannot carry) is transcoded.
     */
    public boolean needsTranscode() {
        boolean mp4Family = container != null && (container.contains("mp4") || container.contains("mov"));
        boolean audioOk = audioCodec == null || audioCodec.equals("aac");
        return !("h264".equals(videoCodec) && audioOk && mp4Family && !variableFrameRate && rotation == 0);
    }
}
