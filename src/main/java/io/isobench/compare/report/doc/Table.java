package io.isobench.compare.report.doc;

import java.util.List;

/**
 * A table: columns and rows of cells. What only HTML shows sits beside the text: the table's CSS class, the area it
 * lists ({@code data-area}, looked up by tests and scripts), whether it scrolls sideways, a row's and a cell's CSS
 * class, a cell's sort key ({@code data-v}, a number for the page's sorting script), tooltip and badge (a verdict,
 * wrapped in a span of that class).
 */
public record Table(String cssClass, String area, boolean scroll, List<Column> columns, List<Row> rows)
        implements Block {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A table without HTML extras. */
    public static Table of(List<Column> columns, List<Row> rows) {
        return new Table(null, null, false, columns, rows);
    }

    /** How Markdown aligns a column; HTML aligns the cells by their class ({@code num}). */
    public enum Align { LEFT, RIGHT }

    public record Column(String header, Align align) {

        public static Column left(String header) {
            return new Column(header, Align.LEFT);
        }

        public static Column right(String header) {
            return new Column(header, Align.RIGHT);
        }
    }

    /** A row; {@code cssClass} may be null. */
    public record Row(String cssClass, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(List<Cell> cells) {
            return new Row(null, cells);
        }
    }

    /** A cell: its text, and for HTML its class, sort key, tooltip and badge (each may be null). */
    public record Cell(List<Inline> text, String cssClass, String sortKey, String tooltip, String badge) {

        /** The CSS class of a number, aligned right. */
        public static final String NUM = "num";

        public Cell {
            text = List.copyOf(text);
        }

        public static Cell of(String text) {
            return new Cell(Inline.plain(text), null, null, null, null);
        }

        public static Cell of(Inline... text) {
            return new Cell(List.of(text), null, null, null, null);
        }

        /** A cell of that class. */
        public static Cell styled(String text, String cssClass) {
            return new Cell(Inline.plain(text), cssClass, null, null, null);
        }

        /** A number: aligned right. */
        public static Cell num(String text) {
            return styled(text, NUM);
        }

        /** A number that sorts by {@code value}. */
        public static Cell num(String text, double value) {
            return new Cell(Inline.plain(text), NUM, sortKey(value), null, null);
        }

        public Cell withTooltip(String value) {
            return new Cell(text, cssClass, sortKey, value, badge);
        }

        public Cell withSortKey(String value) {
            return new Cell(text, cssClass, value, tooltip, badge);
        }

        public Cell withBadge(String value) {
            return new Cell(text, cssClass, sortKey, tooltip, value);
        }

        /** A number as a sort key: plain, or NaN (sorted last). */
        public static String sortKey(double value) {
            return Double.isFinite(value) ? Double.toString(value) : "NaN";
        }
    }
}
