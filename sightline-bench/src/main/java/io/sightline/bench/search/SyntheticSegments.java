package io.sightline.bench.search;

import io.sightline.api.Segment;
import io.sightline.api.Segment.BoxAt;
import io.sightline.api.Segment.CameraMotion;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.api.Segment.SceneInfo;
import io.sightline.api.Segment.SegmentObject;
import io.sightline.engine.caption.CaptionWriter;
import io.sightline.engine.index.VideoContext;
import io.sightline.engine.index.VideoSegments;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Made-up but plausible perception output: 30-minute videos of 2 s segments, mostly dashcams
 * (overlay clock and speed, runs of moving and stopped, a lighting per drive) and some fixed
 * cameras. Class, colour and motion frequencies are rough guesses at city driving, not measured.
 */
final class SyntheticSegments {
    static final int SEGMENTS_PER_VIDEO = 900;
    static final int ORGS = 20;
    static final int FOLDERS_PER_ORG = 5;

    private static final String[] CLASSES = {"car", "car", "car", "car", "car", "car", "person", "person", "truck", "truck",
            "motorcycle", "bus", "bicycle", "traffic light", "traffic light", "stop sign", "dog"};
    private static final String[] COLOURS = {"white", "black", "grey", "grey", "red", "blue", "silver", "yellow", "green", "brown", "unknown", "unknown"};
    private static final String[] MOTIONS = {"approaching", "receding", "receding", "crossing_left_to_right", "crossing_right_to_left",
            "overtaking_left", "overtaking_right", "cutting_in", "stationary", "stationary", "unknown", "unknown"};
    private static final String[] SIGNS = {"STOP", "EXIT", "ONE WAY", "Main St", "NO PARKING", "SPEED LIMIT 50", "BUS ONLY", "5th Ave"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final CaptionWriter captions = new CaptionWriter();

    VideoSegments video(int number) {
        SplittableRandom random = new SplittableRandom(number * 7919L + 17);
        String videoId = "vid-" + number;
        int org = number % ORGS;
        VideoContext context = new VideoContext(videoId, "org-" + org, "org-" + org + "-folder-" + (number / ORGS) % FOLDERS_PER_ORG,
                "user-" + (number % 97));
        boolean fixedCamera = random.nextInt(10) == 0;
        String lighting = pick(random, "day", "day", "day", "day", "day", "day", "night", "night", "dusk_dawn", "unknown");
        LocalDateTime clock = LocalDateTime.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
        double speed = fixedCamera ? 0 : 30 + random.nextInt(60);
        boolean stopped = false;
        List<Segment> segments = new ArrayList<>(SEGMENTS_PER_VIDEO);
        for (int i = 0; i < SEGMENTS_PER_VIDEO; i++) {
            double start = i * 2.0;
            if (!fixedCamera && random.nextInt(30) == 0) stopped = !stopped;
            speed = stopped || fixedCamera ? 0 : Math.max(5, Math.min(130, speed + random.nextInt(11) - 5));
            String segmentLighting = !fixedCamera && random.nextInt(200) == 0 ? "tunnel" : lighting;
            CameraMotion camera = fixedCamera
                    ? new CameraMotion("static", "unknown", "unknown", false, 0)
                    : new CameraMotion(stopped ? "stopped" : "moving",
                            stopped ? "straight" : pick(random, "straight", "straight", "straight", "straight", "straight", "left", "right", "unknown"),
                            stopped ? "none" : pick(random, "none", "none", "none", "none", "none", "none", "left", "right"),
                            !stopped && random.nextInt(25) == 0, speed / 130);
            SceneInfo scene = new SceneInfo(segmentLighting, random.nextInt(40) == 0, 0.2 + random.nextDouble() * 0.6,
                    50 + random.nextDouble() * 200, random.nextDouble() * 0.5);
            List<SegmentObject> objects = objects(random, start, fixedCamera);
            List<OnScreenText> texts = new ArrayList<>();
            String time = clock.plusSeconds((long) start).format(CLOCK);
            Map<String, String> parsed = fixedCamera ? Map.of("timestamp", time) : Map.of("timestamp", time, "speed_kmh", String.valueOf((int) speed));
            texts.add(new OnScreenText(fixedCamera ? time : time + "  " + (int) speed + "km/h", true, start, 0.0, 0.93, 0.45, 1.0, parsed));
            if (random.nextInt(15) == 0) texts.add(new OnScreenText(SIGNS[random.nextInt(SIGNS.length)], false, start + 1, 0.6, 0.3, 0.7, 0.36, Map.of()));
            Segment draft = new Segment(videoId, i, start, start + 2, null, objects, texts, camera, scene);
            segments.add(new Segment(videoId, i, start, start + 2, captions.write(draft), objects, texts, camera, scene));
        }
        return new VideoSegments(context, segments);
    }

    private static List<SegmentObject> objects(SplittableRandom random, double start, boolean fixedCamera) {
        int count = Math.min(8, poisson(random, 2.2));
        List<SegmentObject> objects = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String label = fixedCamera ? pick(random, "person", "person", "person", "car", "bicycle", "dog") : CLASSES[random.nextInt(CLASSES.length)];
            boolean vehicle = label.equals("car") || label.equals("truck") || label.equals("bus") || label.equals("motorcycle");
            String colour = vehicle ? COLOURS[random.nextInt(COLOURS.length)] : "unknown";
            if (colour.equals("silver")) colour = "grey";
            String motion = label.equals("traffic light") || label.equals("stop sign") ? "unknown" : MOTIONS[random.nextInt(MOTIONS.length)];
            double closeness = random.nextDouble();
            Double ttc = motion.equals("approaching") && closeness > 0.5 ? 0.8 + random.nextDouble() * 5 : null;
            double x = random.nextDouble() * 0.8;
            double y = 0.3 + random.nextDouble() * 0.4;
            double size = 0.05 + closeness * 0.3;
            objects.add(new SegmentObject("t" + (int) (start * 10) + "-" + k, label, colour, 0.3 + random.nextDouble() * 0.6, motion,
                    closeness, ttc, List.of(new BoxAt(start + 1, x, y, Math.min(1, x + size), Math.min(1, y + size)))));
        }
        return objects;
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
