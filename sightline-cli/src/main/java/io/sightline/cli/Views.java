package io.sightline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sightline.api.Collection;
import io.sightline.api.Folder;
import io.sightline.api.MediaInfo;
import io.sightline.api.Page;
import io.sightline.api.Video;
import io.sightline.api.VideoMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How API objects are shown: tables for lists, label-value blocks for one object, JSON on request. */
final class Views {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Views() {}

    static String videos(List<Video> videos) {
        Table table = Table.of(List.of("ID", "NAME", "STATUS", "SIZE", "DURATION", "CREATED"), Set.of(3, 4));
        for (Video video : videos) {
            table.row(video.id(), Formats.fit(video.name(), 40), video.status().wireName(), Formats.bytes(video.sizeBytes()),
                    video.media() == null ? "" : Formats.seconds(video.media().durationSeconds()), Formats.time(video.createdAt()));
        }
        return table.render();
    }

    static String segments(List<io.sightline.api.Segment> segments) {
        if (segments.isEmpty()) return "No segments.\n";
        Table table = Table.of(List.of("#", "FROM", "TO", "CAPTION"), Set.of(0));
        for (io.sightline.api.Segment s : segments) {
            table.row(Integer.toString(s.index()), Formats.seconds(s.startSeconds()), Formats.seconds(s.endSeconds()),
                    s.caption() == null || s.caption().isEmpty() ? "(nothing perceived)" : s.caption());
        }
        return table.render();
    }

    static String search(io.sightline.api.SearchResults results) {
        StringBuilder out = new StringBuilder();
        if (!results.filters().isEmpty()) out.append("Understood as: ").append(String.join("; ", results.filters())).append('\n');
        if (!results.unsupported().isEmpty()) {
            out.append("Not perceivable, matched as text only: ").append(String.join(", ", results.unsupported())).append('\n');
        }
        if (results.hits().isEmpty()) return out.append("No matching segments.\n").toString();
        Table table = Table.of(List.of("VIDEO", "NAME", "FROM", "TO", "CAPTION"), Set.of());
        for (io.sightline.api.SearchResults.Hit hit : results.hits()) {
            table.row(hit.videoId(), Formats.fit(hit.videoName(), 30), Formats.seconds(hit.startSeconds()),
                    Formats.seconds(hit.endSeconds()), hit.caption());
        }
        return out.append(table.render()).toString();
    }

    static String folders(List<Folder> folders) {
        Table table = Table.of(List.of("ID", "NAME", "SCOPE", "VIDEOS", "CREATED"), Set.of(3));
        for (Folder folder : folders) {
            table.row(folder.id(), Formats.fit(folder.name(), 40), folder.scope().wireName(), Long.toString(folder.videoCount()),
                    Formats.time(folder.createdAt()));
        }
        return table.render();
    }

    static String collections(List<Collection> collections) {
        Table table = Table.of(List.of("ID", "NAME", "VIDEOS", "DESCRIPTION"), Set.of(2));
        for (Collection collection : collections) {
            table.row(collection.id(), Formats.fit(collection.name(), 40), Long.toString(collection.videoCount()),
                    Formats.fit(collection.description(), 50));
        }
        return table.render();
    }

    /** {@code 20 of 57 videos; next page: --offset 20}, or null when the page holds the whole list. */
    static String pageFooter(Page<?> page, String noun) {
        if (page.offset() == 0 && !page.hasNextPage()) return null;
        String shown = page.items().isEmpty() ? "none" : (page.offset() + 1) + "-" + page.nextOffset();
        String next = page.hasNextPage() ? "; next page: --offset " + page.nextOffset() : "";
        return shown + " of " + page.total() + " " + noun + next;
    }

    static String video(Video video) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"id", video.id()});
        lines.add(new String[] {"name", video.name()});
        lines.add(new String[] {"status", video.status().wireName()});
        lines.add(new String[] {"folder", video.folderId()});
        lines.add(new String[] {"size", Formats.bytes(video.sizeBytes()) + " (" + video.sizeBytes() + " bytes)"});
        if (video.contentType() != null) lines.add(new String[] {"type", video.contentType()});
        lines.add(new String[] {"created", Formats.time(video.createdAt())});
        lines.add(new String[] {"updated", Formats.time(video.updatedAt())});
        if (video.media() != null) lines.add(new String[] {"media", media(video.media())});
        if (video.metadata() != null) lines.add(new String[] {"metadata", metadata(video.metadata())});
        return lines.stream().map(line -> String.format(Locale.ROOT, "%-9s %s", line[0], line[1]))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** {@code 1920x1080  h264/aac  30.00 fps  1:02  mp4} */
    static String media(MediaInfo media) {
        StringBuilder text = new StringBuilder().append(media.width()).append('x').append(media.height())
                .append("  ").append(media.videoCodec()).append('/').append(media.hasAudio() ? media.audioCodec() : "no audio")
                .append(String.format(Locale.ROOT, "  %.2f fps  ", media.fps())).append(Formats.seconds(media.durationSeconds()))
                .append("  ").append(media.container());
        if (media.rotation() != 0) text.append("  rotated ").append(media.rotation()).append("°");
        if (media.variableFrameRate()) text.append("  variable frame rate");
        return text.toString();
    }

    static String metadata(VideoMetadata metadata) {
        List<String> parts = new ArrayList<>();
        if (metadata.description() != null) parts.add('"' + metadata.description() + '"');
        if (metadata.properties() != null && !metadata.properties().isEmpty()) {
            parts.add(metadata.properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (metadata.fields() != null && !metadata.fields().isEmpty()) {
            parts.add("fields: " + metadata.fields().stream().map(field -> field.name() + " (" + field.type()
                    + (field.unit() == null ? "" : ", " + field.unit()) + ")").collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot show " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
