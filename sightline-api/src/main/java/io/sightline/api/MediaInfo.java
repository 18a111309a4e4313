package io.sightline.api;

/**
 * What ffprobe found in the source file.
 *
 * @param rotation          degrees clockwise the picture must be turned for display (0, 90, 180, 270)
 * @param variableFrameRate true when the stream's average and nominal frame rates disagree
 * @param audioCodec        null when the file has no audio stream
 */
public record MediaInfo(String container, double durationSeconds, int width, int height, double fps,
                        String videoCodec, String audioCodec, int rotation, boolean variableFrameRate,
                        long bitRate) {
    public boolean hasAudio() {
        return audioCodec != null;
    }
}
