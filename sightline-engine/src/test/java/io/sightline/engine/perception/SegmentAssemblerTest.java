package io.sightline.engine.perception;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.vision.image.Box;
import io.sightline.vision.ocr.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentAssemblerTest {

    @Test
    void rows_whenLinesSplitAcrossARow_groupsThemLeftToRightAndRowsTopToBottom() {
        TextLine speed = new TextLine(new Box(0.42, 0.925, 0.56, 0.985), "54km/h", 0.9);
        TextLine date = new TextLine(new Box(0.01, 0.926, 0.20, 0.981), "2024/05/12", 0.9);
        TextLine sign = new TextLine(new Box(0.50, 0.30, 0.60, 0.35), "STOP", 0.9);
        TextLine clock = new TextLine(new Box(0.23, 0.927, 0.43, 0.978), "14:33:07", 0.9);

        List<List<TextLine>> rows = SegmentAssembler.rows(List.of(speed, date, sign, clock), 16.0 / 9);

        assertThat(rows).containsExactly(List.of(sign), List.of(date, clock, speed));
    }

    @Test
    void rows_whenTextsSitInOppositeCorners_keepsThemApart() {
        TextLine clock = new TextLine(new Box(0.01, 0.93, 0.30, 0.98), "2015-08-21 08:10:31 006km/h", 0.9);
        TextLine model = new TextLine(new Box(0.80, 0.93, 0.99, 0.98), "DR650GW-2CH/FHD-HD", 0.9);

        assertThat(SegmentAssembler.rows(List.of(model, clock), 16.0 / 9)).containsExactly(List.of(clock), List.of(model));
    }

    @Test
    void closeness_growsWithHeightAndWithALowerBottomEdge() {
        assertThat(SegmentAssembler.closeness(new Box(0.4, 0.40, 0.5, 0.45))).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SegmentAssembler.closeness(new Box(0.4, 0.40, 0.6, 0.70))).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SegmentAssembler.closeness(new Box(0.4, 0.85, 0.5, 0.95))).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SegmentAssembler.closeness(new Box(0.0, 0.2, 1.0, 1.0))).isEqualTo(1.0);
    }
}
