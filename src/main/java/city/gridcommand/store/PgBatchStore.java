package city.gridcommand.store;

import city.gridcommand.ingest.BatchStore;
import city.gridcommand.ingest.BatchStoreException;
import city.gridcommand.ingest.PendingItem;
import city.gridcommand.signal.SignalSource;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Writes a batch in one transaction: one multi-row INSERT per feed present in the batch, one for the
 * worker cell changes its positions settled, and one for its dead letters. Failures are sorted by SQLSTATE into "the data was refused" (permanent) and "the
 * database is unavailable" (retry).
 */
public final class PgBatchStore implements BatchStore {

    private static final int SOURCES = SignalSource.values().length;

    private final Pool pool;

    public PgBatchStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<StoredCounts> write(List<PendingItem> items) {
        List<List<PendingItem>> bySource = new ArrayList<>(SOURCES);
        for (int i = 0; i < SOURCES; i++) {
            bySource.add(new ArrayList<>());
        }
        List<PendingItem> deadLetters = new ArrayList<>();
        for (PendingItem item : items) {
            (item.isDeadLetter() ? deadLetters : bySource.get(item.source().ordinal())).add(item);
        }
        int[] fresh = new int[SOURCES];
        return pool.withTransaction(connection -> insertAll(connection, bySource, deadLetters, fresh))
                .map(v -> new StoredCounts(fresh))
                .recover(error -> Future.failedFuture(classify(error)))
                .toCompletionStage();
    }

    private static Future<Void> insertAll(SqlConnection connection, List<List<PendingItem>> bySource,
            List<PendingItem> deadLetters, int[] fresh) {
        Future<Void> chain = Future.succeededFuture();
        for (SignalSource source : SignalSource.feeds()) {
            List<PendingItem> rows = bySource.get(source.ordinal());
            if (!rows.isEmpty()) {
                SignalInsert<?> insert = SignalInserts.forSource(source);
                chain = chain.compose(v -> insert.run(connection, rows))
                        .map(count -> {
                            fresh[source.ordinal()] = count;
                            return null;
                        });
            }
        }
        List<PendingItem> positions = bySource.get(SignalSource.WORKER_LOCATION.ordinal());
        if (!positions.isEmpty()) {
            chain = chain.compose(v -> {
                Future<Void> changes = WorkerCellChanges.insert(connection, positions);
                return changes == null ? Future.succeededFuture() : changes;
            });
        }
        if (!deadLetters.isEmpty()) {
            chain = chain.compose(v -> SignalInserts.DEAD_LETTER.run(connection, deadLetters)).mapEmpty();
        }
        return chain;
    }

    /**
     * Data exceptions (class 22), integrity violations (23) and program limits (54) mean the rows
     * themselves are refused; everything else (connection loss, shutdown, missing table after a bad
     * deployment) is worth retrying and must not turn good messages into dead letters.
     */
    static BatchStoreException classify(Throwable error) {
        if (error instanceof PgException pg && pg.getSqlState() != null) {
            String state = pg.getSqlState();
            boolean permanent = state.startsWith("22") || state.startsWith("23") || state.startsWith("54");
            return new BatchStoreException(pg.getMessage(), permanent, error);
        }
        return new BatchStoreException(String.valueOf(error.getMessage()), false, error);
    }
}
