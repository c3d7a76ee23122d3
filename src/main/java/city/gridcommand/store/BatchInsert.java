package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One multi-row INSERT for the rows of one table: each column's values for the whole batch go in as
 * one array parameter and come out through {@code unnest}, so a batch of any size costs one round trip.
 * Rows whose key is stored already are skipped by {@code ON CONFLICT DO NOTHING} ({@link Duplicates}
 * sorts them into redeliveries and conflicting duplicates); the row count is the number of new rows.
 *
 * @param <R> what one row is made from (a signal type, or the pending item itself for dead letters)
 */
final class BatchInsert<R> {

    /**
     * A column: its name, its SQL array type, the Java type of its values, how to get one from a row, and
     * what a {@link #placed} insert selects for it from the unnested parameter (its name, or a cast of it).
     */
    record Column<R>(String name, String arrayType, Class<?> type, Function<R, ?> value, String selected) {
    }

    static <R> Column<R> column(String name, String arrayType, Class<?> type, Function<R, ?> value) {
        return new Column<>(name, arrayType, type, value, name);
    }

    /**
     * A JSON column sent as text and cast to {@code jsonb} row by row in the SELECT list: casting the
     * whole parameter ({@code $n::text[]::jsonb[]}) builds a jsonb array first and costs PostgreSQL almost
     * three times the CPU per row (BENCHMARKS.md, gateways); a String parameter would be sent as a JSON
     * string, not as the object it holds.
     */
    static <R> Column<R> jsonbColumn(String name, Function<R, String> value) {
        return new Column<>(name, "text[]", String.class, value, name + "::jsonb");
    }

    /**
     * The columns every signal table has besides its own: the base cell, the cell path as one
     * comma-separated text per row, split by {@code string_to_array} because unnest flattens 2-D arrays
     * (V2__grid.sql), and the fingerprint of the payload the row was stored from (V4__identity.sql).
     */
    static final List<Column<PendingItem>> SIGNAL_COLUMNS = List.of(
            column("cell", "text[]", String.class, item -> CellColumns.cell(item.placement())),
            column("cell_path", "text[]", String.class, item -> CellColumns.path(item.placement())),
            column("payload_hash", "int8[]", Long.class, item -> PayloadHash.of(item.payload())));

    static final String SKIP_STORED = "ON CONFLICT DO NOTHING";

    private final String sql;
    private final String allNewSql;
    private final Function<PendingItem, R> row;
    private final List<Column<R>> columns;
    private final List<Column<PendingItem>> itemColumns;

    private BatchInsert(String sql, Function<PendingItem, R> row, List<Column<R>> columns,
            List<Column<PendingItem>> itemColumns) {
        if (!sql.endsWith(SKIP_STORED)) {
            throw new IllegalArgumentException("a batch insert skips stored rows: it ends with " + SKIP_STORED);
        }
        this.sql = sql;
        this.allNewSql = sql.substring(0, sql.length() - SKIP_STORED.length()).strip();
        this.row = row;
        this.columns = columns;
        this.itemColumns = itemColumns;
    }

    /** {@code INSERT INTO table (columns) SELECT columns FROM unnest($1::type[], …) ON CONFLICT DO NOTHING}. */
    static <R> BatchInsert<R> unnest(String table, Function<PendingItem, R> row, List<Column<R>> columns) {
        String names = names(columns);
        return new BatchInsert<>("INSERT INTO " + table + " (" + names + ") SELECT " + selected(columns)
                + " FROM unnest(" + placeholders(columns, false) + ") AS u(" + names + ") " + SKIP_STORED,
                row, columns, List.of());
    }

    /** Like {@link #unnest}, followed by the {@link #SIGNAL_COLUMNS}. */
    static <R> BatchInsert<R> placed(String table, Function<PendingItem, R> row, List<Column<R>> columns) {
        String names = names(columns);
        return new BatchInsert<>("INSERT INTO " + table + " (" + names + ", cell, cell_path, payload_hash) SELECT "
                + selected(columns) + ", cell, string_to_array(cell_path, ','), payload_hash FROM unnest("
                + placeholders(columns, true) + ") AS u(" + names + ", cell, cell_path, payload_hash)"
                + " " + SKIP_STORED, row, columns, SIGNAL_COLUMNS);
    }

    /**
     * An insert whose SELECT over the unnested parameters is written by hand ({@code $n} in column order,
     * then the {@link #SIGNAL_COLUMNS}), ending with {@code ON CONFLICT DO NOTHING}.
     */
    static <R> BatchInsert<R> custom(String sql, Function<PendingItem, R> row, List<Column<R>> columns) {
        return new BatchInsert<>(sql, row, columns, SIGNAL_COLUMNS);
    }

    /** Runs the insert; the row count is the number of new rows. */
    Future<Integer> run(SqlConnection connection, List<PendingItem> items) {
        return connection.preparedQuery(sql).execute(parameters(items)).map(rows -> rows.rowCount());
    }

    /**
     * Runs the insert without {@code ON CONFLICT}, for rows expected to be all new: PostgreSQL then does not
     * look each key up before inserting it (a fifth to a quarter of its CPU per row, BENCHMARKS.md). A row whose
     * key is stored already, or a key twice in the batch, fails the whole statement with a unique violation
     * (23505) and nothing is inserted; {@link FreshFirstInsert} then runs {@link #run}.
     */
    Future<Integer> runAllNew(SqlConnection connection, List<PendingItem> items) {
        return connection.preparedQuery(allNewSql).execute(parameters(items)).map(rows -> rows.rowCount());
    }

    /** Runs the insert with {@code RETURNING returning}: one row for each new row. */
    Future<RowSet<Row>> runReturning(SqlConnection connection, List<PendingItem> items, String returning) {
        return connection.preparedQuery(sql + " RETURNING " + returning).execute(parameters(items));
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

    private static String selected(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::selected).collect(Collectors.joining(", "));
    }

    private static String names(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code $1::type1, $2::type2, …} for the columns, then the signal columns if {@code placed}. */
    private static String placeholders(List<? extends Column<?>> columns, boolean placed) {
        List<Column<?>> all = new ArrayList<>(columns);
        if (placed) {
            all.addAll(SIGNAL_COLUMNS);
        }
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            params.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(all.get(i).arrayType());
        }
        return params.toString();
    }
}
