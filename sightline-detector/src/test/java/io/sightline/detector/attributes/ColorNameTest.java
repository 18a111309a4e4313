package io.sightline.detector.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorNameTest {
    @ParameterizedTest
    @CsvSource({
        "250, 250, 250, WHITE", "180, 182, 185, SILVER", "110, 110, 115, GREY", "20, 20, 25, BLACK",
        "200, 20, 30, RED", "240, 140, 20, ORANGE", "230, 210, 30, YELLOW", "40, 160, 60, GREEN",
        "30, 70, 200, BLUE", "120, 40, 170, PURPLE", "230, 100, 180, PINK", "110, 70, 35, BROWN",
        // dark orange-red is brown; crimson in shade stays red; sky-tinted shadow and white stay achromatic
        "90, 30, 25, BROWN", "103, 48, 62, RED", "45, 55, 74, BLACK", "205, 215, 235, WHITE", "60, 60, 62, BLACK"
    })
    void ofPixel_whenTypicalColour_namesIt(int r, int g, int b, ColorName expected) {
        assertThat(ColorName.ofPixel(r, g, b)).isEqualTo(expected);
    }
}
