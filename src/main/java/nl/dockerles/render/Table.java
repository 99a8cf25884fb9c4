package nl.dockerles.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A table laid out like the docker CLI's Go tabwriter (minwidth 10, padding 3, last column unpadded),
 * so that dockerles prints {@code docker ps} exactly as the audience knows it.
 */
public final class Table {
    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(List.of(header));
    }

    public Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    public String render() {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, width(row.get(c)) + PADDING));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - width(cell)));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
