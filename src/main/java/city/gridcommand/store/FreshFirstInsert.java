package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inserts a batch written as one statement (no transaction) on the assumption that its rows are new,
 * which they almost always are: {@link BatchInsert#runAllNew} spares PostgreSQL the lookup of every key
 * that {@code ON CONFLICT} makes before each insert. When a row was stored already (a redelivery, a
 * conflicting duplicate, or a key twice in the batch), that statement fails as a whole with a unique
 * violation and inserts nothing, and the batch is inserted again with {@code ON CONFLICT DO NOTHING}
 * ({@link BatchInsert#run}), exactly as before: {@link Duplicates} then sorts the skipped rows.
 *
 * <p>Duplicates come in runs (a broker redelivering its queue after the service restarted, a gateway
 * sending its buffer again), so after one is seen the next {@link #CAREFUL_BATCHES} batches skip the
 * first attempt, and a run of duplicates costs one failed statement rather than one per batch. Only a
 * statement that runs alone may fail this way: in a transaction the failure would abort it.
 */
final class FreshFirstInsert {

    /** Batches inserted with {@code ON CONFLICT} straight away after a batch held a duplicate. */
    static final int CAREFUL_BATCHES = 100;

    static final String UNIQUE_VIOLATION = "23505";

    /** Batches still to be inserted with {@code ON CONFLICT} straight away. */
    private final AtomicInteger careful = new AtomicInteger();

    /** Inserts the rows; the count is the number of new rows, as {@link BatchInsert#run} gives it. */
    Future<Integer> insert(SqlConnection connection, BatchInsert<?> insert, List<PendingItem> rows) {
        if (expectsDuplicates()) {
            return insert.run(connection, rows).onSuccess(count -> {
                if (count < rows.size()) {
                    careful.set(CAREFUL_BATCHES);
                } else {
                    careful.getAndUpdate(left -> Math.max(0, left - 1));
                }
            });
        }
        return insert.runAllNew(connection, rows).recover(error -> {
            if (!isUniqueViolation(error)) {
                return Future.failedFuture(error);
            }
            careful.set(CAREFUL_BATCHES);
            return insert.run(connection, rows);
        });
    }

    /** Whether the next batch goes straight to {@code ON CONFLICT}: a duplicate was seen lately. */
    boolean expectsDuplicates() {
        return careful.get() > 0;
    }

    private static boolean isUniqueViolation(Throwable error) {
        return error instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
