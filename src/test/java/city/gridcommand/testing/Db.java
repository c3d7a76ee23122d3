package city.gridcommand.testing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small blocking SQL helpers for assertions in tests (never used by the service). */
public final class Db {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public long count(String sql, Object... params) {
        Row row = await(pool.preparedQuery(sql).execute(Tuple.from(params))).iterator().next();
        return row.getLong(0);
    }

    /** The first column of the first row as text (null when there is no row or it is null). */
    public String text(String sql, Object... params) {
        var rows = await(pool.preparedQuery(sql).execute(Tuple.from(params)));
        return rows.iterator().hasNext() ? String.valueOf(rows.iterator().next().getValue(0)) : null;
    }

    public void execute(String sql) {
        await(pool.query(sql).execute());
    }

    /** The result within {@link #TIMEOUT}; a failure as the database gave it. */
    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the database within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
