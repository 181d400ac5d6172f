package org.hn.node.cli.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the human output of the queries: a header row, then one row per item, columns
 * left-aligned and separated by two spaces, trailing spaces removed.
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** @param headers the column titles, upper case by convention */
    Table(String... headers) {
        rows.add(headers.clone());
        columns = headers.length;
    }

    /**
     * Adds a row; each cell is printed with {@link String#valueOf(Object)}.
     *
     * @throws IllegalArgumentException when the row does not have one cell per column
     */
    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns + " columns");
        }
        String[] texts = new String[columns];
        for (int i = 0; i < columns; i++) {
            texts[i] = String.valueOf(cells[i]);
        }
        rows.add(texts);
        return this;
    }

    /** Whether no row was added. */
    boolean isEmpty() {
        return rows.size() == 1;
    }

    /** The table's lines, each ending with a newline. */
    String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
