package io.sightline.vision.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayParserTest {
    private static final LocalDateTime SEP_18_075329 = LocalDateTime.of(2015, 9, 18, 7, 53, 29);

    @ParameterizedTest
    @ValueSource(strings = {
            "2015/09/18 07:53:29",
            "2015-09-18 07:53:29",
            "2015.09.18 07:53:29",
            "2015-09-18T07:53:29",
            "2015-09-18T07:53:29.250",
            "2015/09/18 - 07:53:29 -VicoTag7: Vico-WF1",
            "2015/09/18- 07:53:29 -VicoTag3: YHCHEN",
            "2015/9/18 7:53:29",
            "18.09.2015 07:53:29",
            "18-09-2015 07:53:29",
            "18/09/2015 07:53:29",
            "09/18/2015 07:53:29",
            "09/18/2015 7:53:29 AM",
            "18 Sep 2015 07:53:29",
            "18-SEP-2015 07:53:29",
            "Sep 18, 2015 07:53:29",
            "September 18th 2015 07:53:29",
            "07:53:29 18.09.2015",
            "2015 / 09 / 18 07 : 53 : 29",
            "2O15/O9/18 07:53:29",
            "2015/09/18 07.53.29",
            "２０１５／０９／１８　０７：５３：２９",
            "REC 2015/09/18 07:53:29 CH1",
    })
    void timestamp_whenCommonFormat_parsesDateAndTime(String text) {
        assertThat(OverlayParser.timestamp(text)).contains(SEP_18_075329);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "09/18/2015 7:53:29 PM | 2015-09-18T19:53:29",
            "09/18/2015 12:05:00 AM | 2015-09-18T00:05",
            "09/18/2015 12:05:00 pm | 2015-09-18T12:05",
            "2015-08-21 08:10:31 006km/h | 2015-08-21T08:10:31",
            "2015-08-21 08:10:33006km/h | 2015-08-21T08:10:33",
            "2015-06-21 16:09:26 G:1.06 | 2015-06-21T16:09:26",
            "03/04/2020 10:00 | 2020-03-04T10:00",
            "03.04.2020 10:00 | 2020-04-03T10:00",
            "2024/05/12 14:33:07 | 2024-05-12T14:33:07",
    })
    void timestamp_whenMeridiemOrAmbiguousOrder_followsDocumentedRule(String text, String expected) {
        assertThat(OverlayParser.timestamp(text)).contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "VicoTag7: Vico-WF1", "2015/13/45 07:53:29", "2015/09/18", "N37.7749 W122.4194 54 km/h", "07:53:29", "2015/09/18 25:61:00"})
    void timestamp_whenNoValidDateAndTime_isEmpty(String text) {
        assertThat(OverlayParser.timestamp(text)).isEmpty();
    }

    @Test
    void date_whenOnlyDate_parsesIt() {
        assertThat(OverlayParser.date("DATE 2015/09/18")).contains(LocalDate.of(2015, 9, 18));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "07:53:29 | 07:53:29",
            "TIME 7:53 PM | 19:53",
            "2015/09/18 07:53:29 | 07:53:29",
            "18.09.2015 07:53 | 07:53",
            "CAM1 23:59:59 | 23:59:59",
    })
    void clock_whenTimeOfDayPresent_parsesIt(String text, String expected) {
        assertThat(OverlayParser.clock(text)).contains(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"N37.7749 W122.4194", "G:1.06", "18.09.2015", "54 km/h", "37.7749, -122.4194", "v1.2.3"})
    void clock_whenNoTimeOfDay_isEmpty(String text) {
        assertThat(OverlayParser.clock(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "54 km/h | 54 | KMH",
            "2015-08-21 08:10:31 006km/h | 6 | KMH",
            "2015-08-21 08:10:33006km/h | 6 | KMH",
            "SPEED 88KMH | 88 | KMH",
            "88 KM/H | 88 | KMH",
            "88 Km / h | 88 | KMH",
            "120 kph | 120 | KMH",
            "35 mph | 35 | MPH",
            "35MPH | 35 | MPH",
            "12.5 km/h | 12.5 | KMH",
            "N37.7749 W122.4194 54 km/h | 54 | KMH",
    })
    void speed_whenValueWithUnit_parsesValueAndUnit(String text, double value, Speed.Unit unit) {
        assertThat(OverlayParser.speed(text)).contains(new Speed(value, unit));
    }

    @Test
    void speed_whenMph_convertsToKmh() {
        assertThat(OverlayParser.speed("50 mph").orElseThrow().kmh()).isCloseTo(80.47, within(0.01));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2015/09/18 07:53:29", "SPEED 88", "5000 km/h", "G:1.06", "kmh"})
    void speed_whenNoSpeedWithUnit_isEmpty(String text) {
        assertThat(OverlayParser.speed(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "N37.7749 W122.4194 54 km/h | 37.7749 | -122.4194",
            "37.7749N 122.4194W | 37.7749 | -122.4194",
            "S33.8688 E151.2093 | -33.8688 | 151.2093",
            "N:37.7749 W:122.4194 | 37.7749 | -122.4194",
            "37.7749° N, 122.4194° W | 37.7749 | -122.4194",
            "37.7749, -122.4194 | 37.7749 | -122.4194",
            "LAT 37.774900 LON -122.419400 | 37.7749 | -122.4194",
            "Lat: -33.868800 Long: 151.209300 | -33.8688 | 151.2093",
            "37°46'29.6\"N 122°25'09.8\"W | 37.774889 | -122.419389",
            "37°46′29.6″N 122°25′09.8″W | 37.774889 | -122.419389",
            "N37°46'29.6\" W122°25'09.8\" | 37.774889 | -122.419389",
            "37°46.493'N 122°25.164'W | 37.774883 | -122.4194",
            "S 33°52'7.7\" E 151°12'33.5\" | -33.868806 | 151.209306",
    })
    void position_whenDecimalOrDms_parsesSignedDegrees(String text, double latitude, double longitude) {
        GeoPoint p = OverlayParser.position(text).orElseThrow();
        assertThat(p.latitude()).isCloseTo(latitude, within(1e-5));
        assertThat(p.longitude()).isCloseTo(longitude, within(1e-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "N37.7749", "2015/09/18 07:53:29", "G: X0.12 Y-0.03 Z0.98", "1.06, 0.98", "N95.0000 E10.0000", "FLEXMEDiA V737W"})
    void position_whenNoCompletePosition_isEmpty(String text) {
        assertThat(OverlayParser.position(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "G: X0.12 Y-0.03 Z0.98 | 0.12 | -0.03 | 0.98",
            "X:0.12 Y:-0.03 Z:0.98 | 0.12 | -0.03 | 0.98",
            "GX 0.12 GY -0.03 GZ 0.98 | 0.12 | -0.03 | 0.98",
            "G-sensor 0.12/-0.03/0.98 | 0.12 | -0.03 | 0.98",
            "G: 0.12, -0.03, 0.98 | 0.12 | -0.03 | 0.98",
            "Gsensor:+0.12/-0.03/+0.98 | 0.12 | -0.03 | 0.98",
    })
    void gSensor_whenThreeAxes_parsesXyz(String text, double x, double y, double z) {
        assertThat(OverlayParser.gSensor(text)).contains(new GSensor(List.of(x, y, z)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2015-06-21 16:09:26 G:1.06 | 1.06",
            "G=0.96 | 0.96",
            "G-Sensor 1.09 | 1.09",
    })
    void gSensor_whenSingleValue_parsesIt(String text, double value) {
        GSensor g = OverlayParser.gSensor(text).orElseThrow();
        assertThat(g.triaxial()).isFalse();
        assertThat(g.values()).containsExactly(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "VicoTag7: Vico-WF1", "FLEXMEDiA V737W", "GPS 54 km/h", "EXIT G 1.5 mi"})
    void gSensor_whenNoReading_isEmpty(String text) {
        assertThat(OverlayParser.gSensor(text)).isEmpty();
    }

    @Test
    void parse_whenDashcamLine_collectsEveryField() {
        OverlayFields f = OverlayParser.parse("2024/05/12 14:33:07 N37.7749 W122.4194 54 km/h G:0.98");

        assertThat(f.timestamp()).isEqualTo(LocalDateTime.of(2024, 5, 12, 14, 33, 7));
        assertThat(f.clock()).isEqualTo(LocalTime.of(14, 33, 7));
        assertThat(f.speed()).isEqualTo(new Speed(54, Speed.Unit.KMH));
        assertThat(f.position()).isEqualTo(new GeoPoint(37.7749, -122.4194));
        assertThat(f.gSensor()).isEqualTo(new GSensor(List.of(0.98)));
        assertThat(f.isEmpty()).isFalse();
    }

    @Test
    void parse_whenSceneText_hasNoFields() {
        OverlayFields f = OverlayParser.parse("EXIT 25 Main St");

        assertThat(f.isEmpty()).isTrue();
        assertThat(f.text()).isEqualTo("EXIT 25 Main St");
    }
}
