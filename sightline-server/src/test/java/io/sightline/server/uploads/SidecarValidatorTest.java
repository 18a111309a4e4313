package io.sightline.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.http.ApiException;
import io.sightline.server.http.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SidecarValidatorTest {

    private final SidecarValidator validator = new SidecarValidator(Json.mapper());

    @Test
    void checkName_whenBaseNamesMatch_passes() {
        SidecarValidator.checkName("dashcam.mp4", "dashcam.json");
        SidecarValidator.checkName("trip.2024.mov", "trip.2024.json");
    }

    @Test
    void checkName_whenBaseNamesDiffer_saysWhichNameIsExpected() {
        assertThatThrownBy(() -> SidecarValidator.checkName("dashcam.mp4", "dashcam.mp4.json"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("sidecar_name_mismatch");
                    assertThat(e.getMessage()).contains("dashcam.json");
                });
        assertThatThrownBy(() -> SidecarValidator.checkName("dashcam.mp4", "dashcam.txt"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_sidecar"));
    }

    @Test
    void parse_whenWellFormed_keepsEveryField() {
        var metadata = validator.parse("""
                {"fields":[{"name":"on","type":"boolean","values":[{"t":0,"value":true}]},
                           {"name":"clock","type":"timestamp","position":"top-right","values":[{"t":1.5,"value":"2015-09-18T07:53:29+08:00"}]}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(metadata.fields()).hasSize(2);
        assertThat(metadata.fields().get(1).values().get(0).t()).isEqualTo(1.5);
    }

    @Test
    void parse_whenInvalid_namesTheOffendingPlace() {
        assertInvalid("{\"fields\":[{\"name\":\"x\",\"type\":\"colour\"}]}", "fields[0].type");
        assertInvalid("{\"fields\":[{\"name\":\"x\",\"type\":\"number\"},{\"name\":\"x\",\"type\":\"number\"}]}", "appears twice");
        assertInvalid("{\"fields\":[{\"name\":\"g\",\"type\":\"gps\",\"values\":[{\"t\":0,\"value\":{\"lat\":91,\"lon\":0}}]}]}", "fields[0].values[0].value");
        assertInvalid("{\"fields\":[{\"name\":\"s\",\"type\":\"number\",\"values\":[{\"t\":-1,\"value\":1}]}]}", "fields[0].values[0].t");
        assertInvalid("{\"fields\":[{\"name\":\"s\",\"type\":\"number\",\"position\":\"middle\"}]}", "position");
        assertInvalid("{\"surprise\":1}", "surprise");
        assertInvalid("not json", "not valid");
    }

    @Test
    void parse_whenLargerThanOneMebibyte_isTooLarge() {
        byte[] big = new byte[SidecarValidator.MAX_BYTES + 1];
        assertThatThrownBy(() -> validator.parse(big)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    private void assertInvalid(String json, String mention) {
        assertThatThrownBy(() -> validator.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_sidecar");
                    assertThat(e.getMessage()).contains(mention);
                });
    }
}
