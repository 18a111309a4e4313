package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressParserTest {

    @Test
    void accept_whenOutTimeInMicroseconds_givesPercentOfDuration() {
        ProgressParser parser = new ProgressParser(10);
        assertThat(parser.accept("out_time_us=2500000")).isEqualTo(25);
        // out_time_ms is microseconds too, despite its name
        assertThat(parser.accept("out_time_ms=5000000")).isEqualTo(50);
    }

    @Test
    void accept_whenTimeStepsBackOrRepeats_neverGoesBackwards() {
        ProgressParser parser = new ProgressParser(10);
        parser.accept("out_time_us=6000000");
        assertThat(parser.accept("out_time_us=5900000")).isEqualTo(-1);
        assertThat(parser.accept("out_time_us=6000000")).isEqualTo(-1);
        assertThat(parser.percent()).isEqualTo(60);
    }

    @Test
    void accept_whenPastTheDurationBeforeTheEnd_holdsAt99UntilProgressEnd() {
        ProgressParser parser = new ProgressParser(10);
        assertThat(parser.accept("out_time_us=12000000")).isEqualTo(99);
        assertThat(parser.accept("progress=continue")).isEqualTo(-1);
        assertThat(parser.accept("progress=end")).isEqualTo(100);
    }

    @Test
    void accept_whenValueMissingOrOtherKey_ignoresTheLine() {
        ProgressParser parser = new ProgressParser(10);
        assertThat(parser.accept("out_time_us=N/A")).isEqualTo(-1);
        assertThat(parser.accept("out_time_us=-23000")).isEqualTo(-1);
        assertThat(parser.accept("frame=12")).isEqualTo(-1);
        assertThat(parser.accept("out_time=00:00:01.000000")).isEqualTo(-1);
    }

    @Test
    void accept_whenDurationUnknown_onlyReportsTheEnd() {
        ProgressParser parser = new ProgressParser(0);
        assertThat(parser.accept("out_time_us=5000000")).isEqualTo(-1);
        assertThat(parser.accept("progress=end")).isEqualTo(100);
    }
}
