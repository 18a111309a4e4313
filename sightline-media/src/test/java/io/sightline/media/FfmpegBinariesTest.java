package io.sightline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegBinariesTest {

    @TempDir
    Path dir;

    @Test
    void locate_whenNothingConfigured_findsWorkingExecutables() {
        FfmpegBinaries binaries = FfmpegBinaries.locate();
        assertThat(binaries.ffmpeg()).isExecutable();
        assertThat(binaries.ffprobe()).isExecutable();
        String version = FfmpegProcess.capture(binaries, java.util.List.of(binaries.ffprobe().toString(), "-version"), java.time.Duration.ofSeconds(30));
        assertThat(version).startsWith("ffprobe version");
    }

    @Test
    void find_whenBothVariablesSet_usesThemAsTheyAre() {
        FfmpegBinaries real = FfmpegBinaries.locate();
        FfmpegBinaries found = FfmpegBinaries.find(Map.of("SIGHTLINE_FFMPEG", real.ffmpeg().toString(),
                "SIGHTLINE_FFPROBE", real.ffprobe().toString()));
        assertThat(found).isEqualTo(new FfmpegBinaries(real.ffmpeg(), real.ffprobe(), Map.of()));
    }

    @Test
    void find_whenOnlyFfprobeVariableSet_takesFfmpegFromTheBundle() {
        FfmpegBinaries real = FfmpegBinaries.locate();
        FfmpegBinaries found = FfmpegBinaries.find(Map.of("SIGHTLINE_FFPROBE", real.ffprobe().toString()));
        assertThat(found.ffprobe()).isEqualTo(real.ffprobe());
        assertThat(found.ffmpeg()).isExecutable();
    }

    @Test
    void find_whenVariablePointsAtNoExecutable_saysWhich() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n");
        assertThatThrownBy(() -> FfmpegBinaries.find(Map.of("SIGHTLINE_FFMPEG", notExecutable.toString())))
                .isInstanceOf(MediaException.class).hasMessageContaining("SIGHTLINE_FFMPEG").hasMessageContaining("not an executable");
        assertThatThrownBy(() -> FfmpegBinaries.find(Map.of("SIGHTLINE_FFPROBE", dir.resolve("missing").toString())))
                .isInstanceOf(MediaException.class).hasMessageContaining("SIGHTLINE_FFPROBE");
    }
}
