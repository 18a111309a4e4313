package io.sightline.engine.perception;

import io.sightline.api.Segment;
import io.sightline.api.Segment.BoxAt;
import io.sightline.api.Segment.CameraMotion;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.api.Segment.SceneInfo;
import io.sightline.api.Segment.SegmentObject;
import io.sightline.engine.caption.CaptionWriter;
import io.sightline.motion.ego.EgoMotionLabel;
import io.sightline.motion.ego.EgoMotionTimeline;
import io.sightline.motion.ego.EgoMotionWindow;
import io.sightline.motion.scene.SceneTimeline;
import io.sightline.motion.scene.SceneWindow;
import io.sightline.motion.track.RelativeMotion;
import io.sightline.motion.track.Track;
import io.sightline.motion.track.TrackMotion;
import io.sightline.motion.track.TrackPoint;
import io.sightline.vision.image.Box;
import io.sightline.vision.ocr.TextLine;
import io.sightline.vision.overlay.OverlayFields;
import io.sightline.vision.overlay.OverlayParser;
import io.sightline.vision.overlay.OverlayTracker;
import io.sightline.vision.overlay.TextRows;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts what the stages measured over a whole video into fixed-length segments and writes each one's
 * record and caption. Pure: everything it needs is handed in.
 *
 * @param tracks   null when objects were not perceived (no detector)
 * @param ego      null when camera motion was not measured
 * @param scene    null when the scene was not measured
 * @param overlays   null when text was not read (no OCR)
 * @param frameTimes when frames were sampled: a segment without any (past the last decodable frame)
 *                   has nothing perceived, which is not the same as "no objects"
 */
record SegmentAssembler(String videoId, double durationSeconds, double segmentSeconds, List<Track> tracks,
                        EgoMotionTimeline ego, SceneTimeline scene, OverlayTracker overlays, List<TextRead> reads,
                        List<Double> frameTimes) {

    /** Which of several motion labels a segment shows, most telling first. */
    private static final List<RelativeMotion> MOTION_PRIORITY = List.of(RelativeMotion.CUTTING_IN_AHEAD,
            RelativeMotion.OVERTAKING_LEFT, RelativeMotion.OVERTAKING_RIGHT, RelativeMotion.CROSSING_LEFT_TO_RIGHT,
            RelativeMotion.CROSSING_RIGHT_TO_LEFT, RelativeMotion.APPROACHING, RelativeMotion.RECEDING, RelativeMotion.STATIONARY);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final DateTimeFormatter TIMESTAMP_TO_MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter CLOCK_TO_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final java.util.regex.Pattern SECONDS_ZERO = java.util.regex.Pattern.compile("\\d:\\d\\d\\s*:\\s*00(?!\\d)");
    private static final CaptionWriter CAPTIONS = new CaptionWriter();

    List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        int count = Math.max(1, (int) Math.ceil(durationSeconds / segmentSeconds - 1e-9));
        for (int i = 0; i < count; i++) {
            double start = i * segmentSeconds;
            double end = Math.min(durationSeconds, start + segmentSeconds);
            if (end <= start) end = start + segmentSeconds;
            double from = start, to = end;
            boolean sampled = frameTimes.stream().anyMatch(t -> t >= from && t < to);
            Segment draft = sampled
                    ? new Segment(videoId, i, start, end, null, objects(start, end), texts(start, end), camera(start, end), scene(start, end))
                    : new Segment(videoId, i, start, end, null, null, null, null, null);
            segments.add(new Segment(videoId, i, start, end, CAPTIONS.write(draft), draft.objects(), draft.texts(), draft.camera(), draft.scene()));
        }
        return segments;
    }

    private List<SegmentObject> objects(double start, double end) {
        if (tracks == null) return null;
        List<SegmentObject> objects = new ArrayList<>();
        for (Track track : tracks) {
            List<TrackPoint> points = track.path().stream().filter(p -> p.time() >= start && p.time() < end).toList();
            if (points.isEmpty()) continue;
            TrackMotion motion = motionAround(track, start, end);
            String label = motion == null ? "unknown" : primary(motion);
            Box last = points.getLast().box();
            Double ttc = motion != null && motion.has(RelativeMotion.APPROACHING) && Double.isFinite(motion.timeToContact())
                    && motion.timeToContact() > 0 ? round(motion.timeToContact(), 2) : null;
            double score = points.stream().mapToDouble(TrackPoint::score).average().orElse(0);
            List<BoxAt> boxes = points.stream()
                    .map(p -> new BoxAt(round(p.time(), 3), round(p.box().x1(), 4), round(p.box().y1(), 4), round(p.box().x2(), 4), round(p.box().y2(), 4)))
                    .toList();
            objects.add(new SegmentObject(String.valueOf(track.id()), track.label(), track.colour().orElse("unknown"),
                    round(score, 3), label, round(closeness(last), 3), ttc, boxes));
        }
        return objects;
    }

    /**
     * The track's motion in the segment; when the segment alone shows too little to label (a crossing
     * needs more travel than two seconds of a slow object give), the motion over the segment and one
     * segment either side. Never the whole track: what it did a minute later is not this segment's fact.
     */
    private TrackMotion motionAround(Track track, double start, double end) {
        TrackMotion inSegment = track.motionBetween(start, end - 1e-9).orElse(null);
        if (inSegment != null && !inSegment.labels().isEmpty()) return inSegment;
        TrackMotion around = track.motionBetween(start - segmentSeconds, end + segmentSeconds - 1e-9).orElse(null);
        return around != null && !around.labels().isEmpty() ? around : inSegment;
    }

    private static String primary(TrackMotion motion) {
        for (RelativeMotion m : MOTION_PRIORITY) {
            if (motion.has(m)) return switch (m) {
                case CUTTING_IN_AHEAD -> "cutting_in";
                default -> m.name().toLowerCase(Locale.ROOT);
            };
        }
        return "unknown";
    }

    /**
     * Closeness proxy, 0 far to 1 at the camera: the larger of the box's height (half the frame high
     * counts as 1) and how far its bottom edge sits below the middle of the frame (things on the road
     * come lower in the picture as they come closer). A box 30% of the frame high reads 0.6, "close".
     */
    static double closeness(Box box) {
        double bySize = Math.min(1, box.height() / 0.5);
        double byBottom = Math.max(0, Math.min(1, (box.y2() - 0.5) / 0.5));
        return Math.max(bySize, byBottom);
    }

    private List<OnScreenText> texts(double start, double end) {
        if (overlays == null) return null;
        List<OnScreenText> texts = new ArrayList<>();
        for (TextRead read : reads) {
            if (read.seconds() < start || read.seconds() >= end) continue;
            for (List<TextLine> row : rows(read.lines(), overlays.frameAspect())) {
                // the recogniser may split one overlay line into boxes the overlay tracker does not all know:
                // a row with any overlay box in it is overlay
                if (row.stream().noneMatch(line -> overlays.isOverlay(line.box()))) {
                    // scene text only counts from whole-frame reads; band reads cover overlays only
                    if (read.fullFrame()) row.forEach(line -> texts.add(text(line.text(), false, read.seconds(), line.box(), Map.of())));
                    continue;
                }
                String joined = String.join(" ", row.stream().map(TextLine::text).toList());
                Box box = row.stream().map(TextLine::box).reduce(SegmentAssembler::union).orElseThrow();
                Map<String, String> values = parsed(OverlayParser.parse(joined));
                // a row split into boxes may parse better piece by piece ("54km/h" on its own)
                for (TextLine piece : row) parsed(OverlayParser.parse(piece.text())).forEach(values::putIfAbsent);
                texts.add(text(joined, true, read.seconds(), box, values));
            }
        }
        return texts;
    }

    private static OnScreenText text(String text, boolean overlay, double t, Box box, Map<String, String> parsed) {
        return new OnScreenText(text, overlay, round(t, 3), round(box.x1(), 4), round(box.y1(), 4), round(box.x2(), 4), round(box.y2(), 4), parsed);
    }

    /**
     * Lines grouped into rows (vertical centres inside the row's first line), each row left to right,
     * rows top to bottom; a wide gap splits a row, so texts in opposite corners stay apart.
     */
    static List<List<TextLine>> rows(List<TextLine> lines, double frameAspect) {
        List<TextLine> byTop = new ArrayList<>(lines);
        byTop.sort(java.util.Comparator.comparingDouble((TextLine l) -> l.box().y1()));
        List<List<TextLine>> rows = new ArrayList<>();
        for (TextLine line : byTop) {
            List<TextLine> row = rows.isEmpty() ? null : rows.getLast();
            Box first = row == null ? null : row.getFirst().box();
            if (first != null && line.box().centerY() >= first.y1() && line.box().centerY() <= first.y2()) row.add(line);
            else rows.add(new ArrayList<>(List.of(line)));
        }
        List<List<TextLine>> split = new ArrayList<>();
        for (List<TextLine> row : rows) {
            row.sort(java.util.Comparator.comparingDouble((TextLine l) -> l.box().x1()));
            List<TextLine> current = new ArrayList<>(List.of(row.getFirst()));
            for (TextLine line : row.subList(1, row.size())) {
                if (!TextRows.joins(current.getLast(), line, frameAspect)) {
                    split.add(current);
                    current = new ArrayList<>();
                }
                current.add(line);
            }
            split.add(current);
        }
        return split;
    }

    private static Box union(Box a, Box b) {
        return new Box(Math.min(a.x1(), b.x1()), Math.min(a.y1(), b.y1()), Math.max(a.x2(), b.x2()), Math.max(a.y2(), b.y2()));
    }

    private static Map<String, String> parsed(OverlayFields fields) {
        Map<String, String> values = new LinkedHashMap<>();
        if (fields.timestamp() != null) values.put("timestamp", fields.timestamp().format(showsSeconds(fields) ? TIMESTAMP : TIMESTAMP_TO_MINUTE));
        else if (fields.clock() != null) values.put("timestamp", fields.clock().format(showsSeconds(fields) ? CLOCK : CLOCK_TO_MINUTE));
        if (fields.speed() != null) values.put("speed_kmh", number(fields.speed().kmh()));
        if (fields.position() != null) {
            values.put("lat", String.valueOf(fields.position().latitude()));
            values.put("lon", String.valueOf(fields.position().longitude()));
        }
        if (fields.gSensor() != null) {
            values.put("g_sensor", String.join(",", fields.gSensor().values().stream().map(String::valueOf).toList()));
        }
        return values;
    }

    /** A clock parsed to the minute must not be written as hh:mm:00; seconds are only given when read. */
    private static boolean showsSeconds(OverlayFields fields) {
        return fields.clock().getSecond() != 0 || SECONDS_ZERO.matcher(fields.text()).find();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private CameraMotion camera(double start, double end) {
        if (ego == null || ego.frames().isEmpty()) return null;
        EgoMotionWindow window = ego.window(start, end);
        if (window.reliablePairs() == 0 || window.has(EgoMotionLabel.UNKNOWN) && window.labels().size() == 1) {
            return new CameraMotion("unknown", "unknown", "unknown", false, 0);
        }
        String state = "unknown";
        if (window.has(EgoMotionLabel.STATIC_CAMERA)) state = "static";
        else if (window.has(EgoMotionLabel.STOPPED)) state = "stopped";
        else if (window.has(EgoMotionLabel.MOVING_FORWARD) || window.has(EgoMotionLabel.MOVING_BACKWARD) || window.has(EgoMotionLabel.MOVING)) state = "moving";
        boolean moving = state.equals("moving");
        String turn = window.has(EgoMotionLabel.TURNING_LEFT) ? "left"
                : window.has(EgoMotionLabel.TURNING_RIGHT) ? "right"
                : moving ? "straight" : "unknown";
        boolean forward = window.has(EgoMotionLabel.MOVING_FORWARD);
        String laneChange = forward && window.has(EgoMotionLabel.LATERAL_SHIFT_LEFT) ? "left"
                : forward && window.has(EgoMotionLabel.LATERAL_SHIFT_RIGHT) ? "right"
                : moving ? "none" : "unknown";
        double forwardRate = Double.isFinite(window.forwardRate()) ? round(window.forwardRate(), 4) : 0;
        return new CameraMotion(state, turn, laneChange, window.has(EgoMotionLabel.BRAKING), forwardRate);
    }

    private SceneInfo scene(double start, double end) {
        if (scene == null) return null;
        SceneWindow window = scene.window(start, end);
        if (window.frames() == 0) return null;
        String lighting = switch (window.lighting()) {
            case DAY -> "day";
            case DUSK_DAWN -> "dusk_dawn";
            case NIGHT -> "night";
            case TUNNEL_LIKE -> "tunnel";
            default -> "unknown";
        };
        return new SceneInfo(lighting, window.glareShare() >= 0.5, round(window.medianLuma() / 255.0, 3),
                round(window.sharpness(), 1), round(window.colourfulness(), 1));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
