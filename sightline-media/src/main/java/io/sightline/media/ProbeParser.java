package io.sightline.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads ffprobe's {@code -show_format -show_streams} JSON into a {@link ProbeResult}. */
public final class ProbeParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeParser() {}

    public static ProbeResult parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new MediaException("ffprobe printed something unreadable", e);
        }
        JsonNode video = null;
        JsonNode audio = null;
        List<String> found = new ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            boolean attachedPicture = stream.path("disposition").path("attached_pic").asInt() == 1;
            found.add(stream.path("codec_name").asText("?") + (attachedPicture ? " cover picture" : " " + type));
            if (type.equals("video") && video == null && !attachedPicture) video = stream;
            if (type.equals("audio") && audio == null) audio = stream;
        }
        if (video == null) {
            throw new MediaException("not a video: ffprobe found no video stream"
                    + (found.isEmpty() ? "" : " (only " + String.join(", ", found) + ")"));
        }
        JsonNode format = root.path("format");
        double duration = number(format.path("duration"), number(video.path("duration"), 0));
        if (!(duration > 0)) throw new MediaException("the video has no duration: the file may be truncated or damaged");
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        if (width <= 0 || height <= 0) throw new MediaException("the video stream has no picture size");
        double nominal = rate(video.path("r_frame_rate").asText());
        double average = rate(video.path("avg_frame_rate").asText());
        double fps = average > 0 ? average : nominal;
        boolean vfr = nominal > 0 && average > 0 && Math.abs(nominal - average) / nominal > 0.01;
        long bitRate = (long) number(format.path("bit_rate"), 0);
        return new ProbeResult(format.path("format_name").asText(null), duration, width, height, fps,
                video.path("codec_name").asText(null), audio == null ? null : audio.path("codec_name").asText(null),
                rotation(video), vfr, bitRate);
    }

    /**
     * The longest stretch without a keyframe in the first {@code windowSeconds} of a video, from
     * ffprobe's {@code pts_time,flags} packet lines (see {@link FfmpegCommands#keyframes}); the
     * stretch after the last keyframe counts up to the end of the window. The whole window when
     * there is no keyframe at all.
     */
    static double longestKeyframeGap(String packetLines, double windowSeconds) {
        List<Double> keyframes = packetLines.lines().map(String::strip).filter(l -> l.contains(",K"))
                .map(l -> secondsOrNaN(l.substring(0, l.indexOf(',')))).filter(t -> !t.isNaN()).sorted().toList();
        double longest = 0;
        double previous = 0;
        for (double t : keyframes) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return Math.max(longest, windowSeconds - previous);
    }

    private static Double secondsOrNaN(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The display rotation, clockwise. ffprobe reports the display matrix's rotation
     * counter-clockwise (-90 for a phone held upright), the legacy tag clockwise.
     */
    static int rotation(JsonNode video) {
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) return normalise(-side.path("rotation").asInt());
        }
        String tag = video.path("tags").path("rotate").asText("");
        return tag.isEmpty() ? 0 : normalise(Integer.parseInt(tag.strip()));
    }

    private static int normalise(int degrees) {
        int d = ((degrees % 360) + 360) % 360;
        return (int) (Math.round(d / 90.0) * 90) % 360;
    }

    private static double rate(String fraction) {
        if (fraction == null || fraction.isBlank()) return 0;
        String[] parts = fraction.split("/");
        try {
            double num = Double.parseDouble(parts[0]);
            double den = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return den == 0 ? 0 : num / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double number(JsonNode node, double fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
