package io.sightline.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void check_whenPlainName_returnsItStripped() {
        assertThat(Names.check("file name", "  dash cam (1).mp4 ")).isEqualTo("dash cam (1).mp4");
        assertThat(Names.check("file name", "été 東京.mov")).isEqualTo("été 東京.mov");
    }

    @Test
    void check_whenPathOrControlCharacters_rejects() {
        for (String bad : new String[] {"../x.mp4", "/etc/passwd", "a\\b.mp4", "..", ".", "", "  ", "a\u0000b", "x".repeat(256)}) {
            assertThatThrownBy(() -> Names.check("file name", bad)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_name"));
        }
    }

    @Test
    void baseName_dropsOnlyTheLastExtension() {
        assertThat(Names.baseName("trip.2024.mp4")).isEqualTo("trip.2024");
        assertThat(Names.baseName(".hidden")).isEqualTo(".hidden");
        assertThat(Names.extension("A.JSON")).isEqualTo("json");
    }
}
