package io.sightline.engine.index;

import static io.sightline.engine.index.IndexFields.*;

import io.sightline.api.Segment;
import io.sightline.api.Segment.OnScreenText;
import io.sightline.api.Segment.SegmentObject;
import io.sightline.engine.caption.CaptionWriter;
import io.sightline.engine.caption.MotionPhrases;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Builds the Lucene document of one segment. */
final class SegmentDocuments {
    private final CaptionWriter captions = new CaptionWriter();

    /** The caption to index: the segment's own, or one written from its record when it has none. */
    String caption(Segment segment) {
        return segment.caption() == null || segment.caption().isBlank() ? captions.write(segment) : segment.caption();
    }

    Document document(VideoContext video, Segment segment, String caption, float[] unitVector) {
        Document doc = new Document();
        doc.add(new StringField(ID, video.videoId() + "#" + segment.index(), Field.Store.NO));
        doc.add(new StringField(VIDEO, video.videoId(), Field.Store.YES));
        doc.add(new StringField(ORG, video.orgId(), Field.Store.NO));
        if (video.folderId() != null) doc.add(new StringField(FOLDER, video.folderId(), Field.Store.NO));
        if (video.ownerId() != null) doc.add(new StringField(OWNER, video.ownerId(), Field.Store.NO));
        doc.add(new StoredField(SEGMENT_INDEX, segment.index()));
        doc.add(new DoublePoint(START, segment.startSeconds()));
        doc.add(new StoredField(START, segment.startSeconds()));
        doc.add(new DoublePoint(END, segment.endSeconds()));
        doc.add(new StoredField(END, segment.endSeconds()));
        doc.add(new TextField(CAPTION, caption, Field.Store.YES));
        doc.add(new TextField(OCR, ocrText(segment.texts()), Field.Store.NO));
        doc.add(new TextField(LABELS, labelText(segment.objects()), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
        addObjects(doc, segment.objects());
        addCameraAndScene(doc, segment);
        return doc;
    }

    private static String ocrText(List<OnScreenText> texts) {
        if (texts == null) return "";
        Set<String> distinct = new LinkedHashSet<>();
        for (OnScreenText text : texts) {
            if (text.text() != null && !text.text().isBlank()) distinct.add(text.text().strip());
            if (text.parsed() != null) distinct.addAll(text.parsed().values());
        }
        return String.join("\n", distinct);
    }

    /** "car white approaching motorcycle crossing left to right": what BM25 can match besides the caption. */
    private static String labelText(List<SegmentObject> objects) {
        if (objects == null) return "";
        StringJoiner text = new StringJoiner(" ");
        Set<String> seen = new LinkedHashSet<>();
        for (SegmentObject object : objects) {
            String words = String.join(" ", nonNull(known(object.color()), known(object.label()), MotionPhrases.of(known(object.motion()))));
            if (!words.isBlank() && seen.add(words)) text.add(words);
        }
        return text.toString();
    }

    private static List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null).toList();
    }

    private static void addObjects(Document doc, List<SegmentObject> objects) {
        if (objects == null) return;
        Set<String> classes = new LinkedHashSet<>();
        Set<String> colours = new LinkedHashSet<>();
        Set<String> motions = new LinkedHashSet<>();
        Set<String> objectTerms = new LinkedHashSet<>();
        for (SegmentObject object : objects) {
            String label = known(object.label());
            String colour = known(object.color());
            String motion = known(object.motion());
            if (label != null) classes.add(label);
            if (colour != null) colours.add(colour);
            if (motion != null) motions.add(motion);
            for (String l : alternatives(label)) {
                for (String c : alternatives(colour)) {
                    for (String m : alternatives(motion)) {
                        if (!(l.equals(ANY) && c.equals(ANY) && m.equals(ANY))) objectTerms.add(objectTerm(l, c, m));
                    }
                }
            }
        }
        classes.forEach(v -> doc.add(new StringField(CLASS, v, Field.Store.NO)));
        colours.forEach(v -> doc.add(new StringField(COLOUR, v, Field.Store.NO)));
        motions.forEach(v -> doc.add(new StringField(MOTION, v, Field.Store.NO)));
        objectTerms.forEach(v -> doc.add(new StringField(OBJECT, v, Field.Store.NO)));
    }

    private static List<String> alternatives(String value) {
        return value == null ? List.of(ANY) : List.of(value, ANY);
    }

    private static void addCameraAndScene(Document doc, Segment segment) {
        if (segment.camera() != null) {
            addKnown(doc, CAMERA_STATE, segment.camera().state());
            addKnown(doc, TURN, segment.camera().turn());
            addKnown(doc, LANE_CHANGE, segment.camera().laneChange());
            if (segment.camera().braking()) doc.add(new StringField(BRAKING, "true", Field.Store.NO));
        }
        if (segment.scene() != null) {
            addKnown(doc, LIGHTING, segment.scene().lighting());
            if (segment.scene().glare()) doc.add(new StringField(GLARE, "true", Field.Store.NO));
        }
    }

    private static void addKnown(Document doc, String field, String value) {
        String v = known(value);
        if (v != null) doc.add(new StringField(field, v, Field.Store.NO));
    }

    static String known(String value) {
        if (value == null) return null;
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("unknown") ? null : v;
    }
}
