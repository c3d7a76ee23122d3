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
final class SignalInsert<R> {

    /** A column: its name, its SQL array type, the Java type of its values and how to get one from a row. */
    record Column<R>(String name, String arrayType, Class<?> type, Function<R, ?> value) {
    }

    static <R> Column<R> column(String name, String arrayType, Class<?> type, Function<R, ?> value) {
        return new Column<>(name, arrayType, type, value);
    }

    private final String sql;
    private final Function<PendingItem, R> row;
    private final List<Column<R>> columns;

    private SignalInsert(String sql, Function<PendingItem, R> row, List<Column<R>> columns) {
        this.sql = sql;
        this.row = row;
        this.columns = columns;
    }

    /** {@code INSERT INTO table (columns) SELECT * FROM unnest($1::type[], …) ON CONFLICT DO NOTHING}. */
    static <R> SignalInsert<R> unnest(String table, Function<PendingItem, R> row, List<Column<R>> columns) {
        return new SignalInsert<>("INSERT INTO " + table + " (" + names(columns) + ") SELECT * FROM unnest("
                + placeholders(columns) + ") ON CONFLICT DO NOTHING", row, columns);
    }

    /** An insert whose SELECT over the unnested parameters is written by hand ({@code $n} in column order). */
    static <R> SignalInsert<R> custom(String sql, Function<PendingItem, R> row, List<Column<R>> columns) {
        return new SignalInsert<>(sql, row, columns);
    }

    Future<Integer> run(SqlConnection connection, List<PendingItem> items) {
        return connection.preparedQuery(sql).execute(parameters(items)).map(rows -> rows.rowCount());
    }

    Tuple parameters(List<PendingItem> items) {
        int n = items.size();
        Object[][] values = new Object[columns.size()][];
        for (int c = 0; c < values.length; c++) {
            values[c] = (Object[]) Array.newInstance(columns.get(c).type(), n);
        }
        for (int i = 0; i < n; i++) {
            R r = row.apply(items.get(i));
            for (int c = 0; c < values.length; c++) {
                values[c][i] = columns.get(c).value().apply(r);
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

    private static String placeholders(List<? extends Column<?>> columns) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            params.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(columns.get(i).arrayType());
        }
        return params.toString();
    }
}
