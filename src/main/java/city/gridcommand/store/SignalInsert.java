package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import city.gridcommand.signal.SignalSource;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * One multi-row INSERT for the rows of one table: the batch's column values go in as arrays and come
 * out through {@code unnest}, so a batch of any size costs one round trip. Duplicates are skipped by
 * {@code ON CONFLICT DO NOTHING}; the row count is the number of new rows.
 */
abstract class SignalInsert {

    private final String sql;

    SignalInsert(String sql) {
        this.sql = sql;
    }

    /** The source whose signals this insert writes, or null for dead letters. */
    abstract SignalSource source();

    /** The statement's parameters: one array per column, for the given items of {@link #source()}. */
    abstract Tuple columns(List<PendingItem> items);

    Future<Integer> run(SqlConnection connection, List<PendingItem> items) {
        return connection.preparedQuery(sql).execute(columns(items)).map(rows -> rows.rowCount());
    }

    /** A tuple whose parameters are the given column arrays, in order. */
    static Tuple arrays(Object... columns) {
        Tuple tuple = Tuple.tuple();
        for (Object column : columns) {
            tuple.addValue(column);
        }
        return tuple;
    }

    static String unnestInsert(String table, String columns, String arrayTypes) {
        StringBuilder params = new StringBuilder();
        String[] types = arrayTypes.split(",");
        for (int i = 0; i < types.length; i++) {
            params.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(types[i].trim());
        }
        return "INSERT INTO " + table + " (" + columns + ") SELECT * FROM unnest(" + params + ")"
                + " ON CONFLICT DO NOTHING";
    }
}
