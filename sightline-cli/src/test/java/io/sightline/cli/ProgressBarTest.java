package io.sightline.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {
    private static final long MB = 1_000_000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void render_midway_showsBarPercentageSpeedAndEta() {
        String line = ProgressBar.render("dashcam.mp4", 50 * MB, 200 * MB, Duration.ofSeconds(5));

        assertThat(line).isEqualTo("dashcam.mp4  [######------------------]  25%  10.0 MB/s  ETA 0:15");
    }

    @Test
    void render_atStart_hasNoSpeedYet() {
        assertThat(ProgressBar.render("a.mp4", 0, 100, Duration.ZERO))
                .isEqualTo("a.mp4  [------------------------]   0%  -- MB/s  ETA --:--");
    }

    @Test
    void render_whenDone_showsFullBarAndTimeTaken() {
        assertThat(ProgressBar.render("a.mp4", 100 * MB, 100 * MB, Duration.ofSeconds(65)))
                .isEqualTo("a.mp4  [########################] 100%  1.5 MB/s  done in 1:05");
    }

    @Test
    void update_whenNotATerminal_printsOneLineAtEveryTenth() {
        ProgressBar bar = new ProgressBar("a.mp4", err, false, nanos::get);

        for (long sent = 0; sent <= 1000; sent += 7) bar.update(sent, 1000);
        bar.update(1000, 1000);
        bar.finish();

        assertThat(output().lines().toList()).hasSize(11)
                .startsWith("a.mp4: 0% (0 B of 1.0 kB)")
                .contains("a.mp4: 40% (406 B of 1.0 kB)")
                .endsWith("a.mp4: 100% (1.0 kB of 1.0 kB)");
        assertThat(output()).doesNotContain("\r");
    }

    @Test
    void update_onATerminal_redrawsInPlaceAtMostEveryTenthOfASecond() {
        ProgressBar bar = new ProgressBar("a.mp4", err, true, nanos::get);

        bar.update(0, 100);
        nanos.addAndGet(50_000_000);
        bar.update(10, 100);
        nanos.addAndGet(60_000_000);
        bar.update(20, 100);
        bar.update(100, 100);
        bar.finish();

        String out = output();
        assertThat(out.chars().filter(c -> c == '\r').count()).as("the update after 50 ms is skipped, the final one is not").isEqualTo(3);
        assertThat(out).contains(" 20% ").doesNotContain(" 10% ").endsWith("done in 0:00\n");
    }

    @Test
    void update_onATerminalWhenLineShrinks_padsOverTheOldText() {
        ProgressBar bar = new ProgressBar("a.mp4", err, true, nanos::get);
        nanos.set(1_000_000_000);
        bar.update(1, 100_000 * MB);
        nanos.addAndGet(1_000_000_000);
        bar.update(100_000 * MB, 100_000 * MB);

        String[] draws = output().split("\r");
        assertThat(draws[2].length()).isGreaterThanOrEqualTo(draws[1].length());
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
