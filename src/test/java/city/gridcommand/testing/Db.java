package city.gridcommand.testing;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Small blocking SQL helpers for assertions in tests (never used by the service). */
public final class Db {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public long count(String sql, Object... params) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(TIMEOUT).iterator().next();
        return row.getLong(0);
    }

    /** The first column of the first row as text (null when there is no row or it is null). */
    public String text(String sql, Object... params) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(TIMEOUT);
        return rows.iterator().hasNext() ? String.valueOf(rows.iterator().next().getValue(0)) : null;
    }

    public void execute(String sql) {
        pool.query(sql).execute().await().atMost(TIMEOUT);
    }
}
