package io.sightline.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatsTest {
    @Test
    void bytes_acrossUnits_usesDecimalUnitsWithOneDecimal() {
        assertThat(Formats.bytes(0)).isEqualTo("0 B");
        assertThat(Formats.bytes(999)).isEqualTo("999 B");
        assertThat(Formats.bytes(1500)).isEqualTo("1.5 kB");
        assertThat(Formats.bytes(12_345_678)).isEqualTo("12.3 MB");
        assertThat(Formats.bytes(999_960_000)).as("rounds up into the next unit, not to 1000.0 MB").isEqualTo("1.0 GB");
        assertThat(Formats.bytes(3_200_000_000_000L)).isEqualTo("3.2 TB");
    }

    @Test
    void rate_whenMegabytesPerSecond_appendsPerSecond() {
        assertThat(Formats.rate(12_300_000)).isEqualTo("12.3 MB/s");
    }

    @Test
    void duration_belowAndAboveAnHour_writesMinutesOrHours() {
        assertThat(Formats.duration(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(Formats.duration(Duration.ofSeconds(754))).isEqualTo("12:34");
        assertThat(Formats.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(Formats.duration(Duration.ofSeconds(-5))).isEqualTo("0:00");
        assertThat(Formats.seconds(62.6)).isEqualTo("1:02");
    }

    @Test
    void parseDuration_whenUnitsOrPlainSeconds_reads() {
        assertThat(Formats.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Formats.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Formats.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Formats.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> Formats.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formats.parseDuration("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fit_whenTooLong_cutsWithEllipsis() {
        assertThat(Formats.fit("dashcam-2025-03-01.mp4", 10)).isEqualTo("dashcam-2…").hasSize(10);
        assertThat(Formats.fit("short", 10)).isEqualTo("short");
        assertThat(Formats.fit(null, 10)).isEmpty();
    }

    @Test
    void render_table_alignsColumnsAndRightAlignsNumbers() {
        String table = Table.of(List.of("ID", "NAME", "SIZE"), Set.of(2))
                .row("vid_1", "a.mp4", "12.3 MB")
                .row("vid_22", "longer-name.mp4", "1 B")
                .render();

        assertThat(table).isEqualTo("""
                ID      NAME                SIZE
                vid_1   a.mp4            12.3 MB
                vid_22  longer-name.mp4      1 B
                """);
    }

    @Test
    void render_tableWithEmptyLastCell_hasNoTrailingSpaces() {
        String table = Table.of(List.of("STEP", "ERROR"), Set.of()).row("probe", "").render();

        assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }
}
