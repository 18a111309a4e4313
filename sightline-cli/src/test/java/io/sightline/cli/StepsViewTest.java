package io.sightline.cli;

import io.sightline.api.ProcessingStatus;
import io.sightline.api.ProcessingStep;
import io.sightline.api.StepState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepsViewTest {
    static ProcessingStatus status(StepState state, int percentage, ProcessingStep... steps) {
        return new ProcessingStatus("vid_1", state, percentage, List.of(steps), null);
    }

    static ProcessingStep step(String name, StepState state, int percentage, String error) {
        return new ProcessingStep(name, state, percentage, error, state == StepState.PENDING ? 0 : 1, null, null);
    }

    @Test
    void line_whileProcessing_showsEachStepsStateOrPercentage() {
        ProcessingStatus status = status(StepState.IN_PROGRESS, 35, step("probe", StepState.COMPLETED, 100, null),
                step("transcode", StepState.IN_PROGRESS, 40, null), step("hls", StepState.PENDING, 0, null));

        assertThat(StepsView.line(status)).isEqualTo("processing 35%  probe done | transcode 40% | hls pending");
    }

    @Test
    void table_whenAStepFailed_showsStateProgressAttemptsAndError() {
        ProcessingStatus status = status(StepState.FAILED, 50, step("probe", StepState.COMPLETED, 100, null),
                step("transcode", StepState.FAILED, 0, "moov atom not found"));

        assertThat(StepsView.table(status)).isEqualTo("""
                video vid_1: failed 50%
                STEP       STATE      PROGRESS  ATTEMPTS  ERROR
                probe      completed      100%         1
                transcode  failed           0%         1  moov atom not found
                """);
    }

    @Test
    void live_whenNotATerminal_printsOnlyChangedLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepsView.Live live = new StepsView.Live(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "a.mp4");
        ProcessingStatus first = status(StepState.IN_PROGRESS, 10, step("probe", StepState.IN_PROGRESS, 40, null));

        live.show(first);
        live.show(first);
        live.show(status(StepState.COMPLETED, 100, step("probe", StepState.COMPLETED, 100, null)));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("a.mp4: processing 10%  probe 40%", "a.mp4: processed 100%  probe done");
    }
}
