package io.sightline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A plain-text table: a header row, columns two spaces apart, numbers right-aligned. */
final class Table {
    private final List<String> headers;
    private final Set<Integer> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers, Set<Integer> rightAligned) {
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    /** @param rightAligned indexes of the columns that hold numbers */
    static Table of(List<String> headers, Set<Integer> rightAligned) {
        return new Table(headers, rightAligned);
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        for (List<String> row : rows) line(out, row, widths);
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) line.append("  ");
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(rightAligned.contains(c) ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
