package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One multi-row INSERT for the rows of one table: each column's values for the whole batch go in as
 * one array parameter and come out through {@code unnest}, so a batch of any size costs one round trip.
 * Duplicates are skipped by {@code ON CONFLICT DO NOTHING}; the row count is the number of new rows.
 *
 * @param <R> what one row is made from (a signal type, or the pending item itself for dead letters)
 */
final class BatchInsert<R> {

    /** A column: its name, its SQL array type, the Java type of its values and how to get one from a row. */
    record Column<R>(String name, String arrayType, Class<?> type, Function<R, ?> value) {
    }

    static <R> Column<R> column(String name, String arrayType, Class<?> type, Function<R, ?> value) {
        return new Column<>(name, arrayType, type, value);
    }

    /**
     * The cell columns every signal table has (V2__grid.sql): the base cell, and the cell path as one
     * comma-separated text per row, split by {@code string_to_array} because unnest flattens 2-D arrays.
     */
    static final List<Column<PendingItem>> CELL_COLUMNS = List.of(
            column("cell", "text[]", String.class, item -> CellColumns.cell(item.placement())),
            column("cell_path", "text[]", String.class, item -> CellColumns.path(item.placement())));

    private final String sql;
    private final Function<PendingItem, R> row;
    private final List<Column<R>> columns;
    private final List<Column<PendingItem>> itemColumns;

    private BatchInsert(String sql, Function<PendingItem, R> row, List<Column<R>> columns,
            List<Column<PendingItem>> itemColumns) {
        this.sql = sql;
        this.row = row;
        this.columns = columns;
        this.itemColumns = itemColumns;
    }

    /** {@code INSERT INTO table (columns) SELECT * FROM unnest($1::type[], …) ON CONFLICT DO NOTHING}. */
    static <R> BatchInsert<R> unnest(String table, Function<PendingItem, R> row, List<Column<R>> columns) {
        return new BatchInsert<>("INSERT INTO " + table + " (" + names(columns) + ") SELECT * FROM unnest("
                + placeholders(columns, false) + ") ON CONFLICT DO NOTHING", row, columns, List.of());
    }

    /** Like {@link #unnest}, followed by the signal's {@link #CELL_COLUMNS}. */
    static <R> BatchInsert<R> placed(String table, Function<PendingItem, R> row, List<Column<R>> columns) {
        String names = names(columns);
        return new BatchInsert<>("INSERT INTO " + table + " (" + names + ", cell, cell_path) SELECT " + names
                + ", cell, string_to_array(cell_path, ',') FROM unnest(" + placeholders(columns, true) + ") AS u(" + names
                + ", cell, cell_path) ON CONFLICT DO NOTHING", row, columns, CELL_COLUMNS);
    }

    /**
     * An insert whose SELECT over the unnested parameters is written by hand ({@code $n} in column order,
     * then the {@link #CELL_COLUMNS}).
     */
    static <R> BatchInsert<R> custom(String sql, Function<PendingItem, R> row, List<Column<R>> columns) {
        return new BatchInsert<>(sql, row, columns, CELL_COLUMNS);
    }

    /**
     * Runs the insert and returns the identity ({@code returning} columns joined by '/') of every row
     * that was new: what a duplicate must not be counted for again.
     */
    Future<java.util.Set<String>> runReturningKeys(SqlConnection connection, List<PendingItem> items,
            String returning) {
        return connection.preparedQuery(sql + " RETURNING " + returning).execute(parameters(items)).map(rows -> {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (io.vertx.sqlclient.Row row : rows) {
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    key.append(i == 0 ? "" : "/").append(row.getValue(i));
                }
                keys.add(key.toString());
            }
            return keys;
        });
    }

    Future<Integer> run(SqlConnection connection, List<PendingItem> items) {
        return connection.preparedQuery(sql).execute(parameters(items)).map(rows -> rows.rowCount());
    }

    /** For an insert ending in {@code RETURNING}: the returned rows (one per new row). */
    Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> runReturning(SqlConnection connection,
            List<PendingItem> items) {
        return connection.preparedQuery(sql).execute(parameters(items));
    }

    Tuple parameters(List<PendingItem> items) {
        int n = items.size();
        int own = columns.size();
        Object[][] values = new Object[own + itemColumns.size()][];
        for (int c = 0; c < values.length; c++) {
            Class<?> type = c < own ? columns.get(c).type() : itemColumns.get(c - own).type();
            values[c] = (Object[]) Array.newInstance(type, n);
        }
        for (int i = 0; i < n; i++) {
            PendingItem item = items.get(i);
            R r = row.apply(item);
            for (int c = 0; c < own; c++) {
                values[c][i] = columns.get(c).value().apply(r);
            }
            for (int c = own; c < values.length; c++) {
                values[c][i] = itemColumns.get(c - own).value().apply(item);
            }
        }
        Tuple tuple = Tuple.tuple();
        for (Object[] column : values) {
            tuple.addValue(column);
        }
        return tuple;
    }

    private static String names(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code $1::type1, $2::type2, …} for the columns, then the cell columns if {@code placed}. */
    private static String placeholders(List<? extends Column<?>> columns, boolean placed) {
        List<Column<?>> all = new java.util.ArrayList<>(columns);
        if (placed) {
            all.addAll(CELL_COLUMNS);
        }
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            params.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(all.get(i).arrayType());
        }
        return params.toString();
    }
}
