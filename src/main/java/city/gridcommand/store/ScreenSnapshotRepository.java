package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a command screen shows first for its scope (a cell and everything under it, by code prefix): the
 * open events, the workers' latest positions and the devices' online states, read in one repeatable-read
 * transaction so the three agree with each other.
 */
@ApplicationScoped
public class ScreenSnapshotRepository {

    /** A worker's latest position in the scope. */
    public record WorkerSpot(String id, double lat, double lon, String cell, long ts) {
    }

    /** The scope's open events, its workers seen lately and its devices online and offline. */
    public record ScreenSnapshot(List<StoredEvent> events, List<WorkerSpot> workers, int devicesOnline,
            int devicesOffline) {
    }

    private final Pool pool;

    ScreenSnapshotRepository(Pool pool) {
        this.pool = pool;
    }

    /** The snapshot of the scope; worker positions taken at {@code workersSince} (epoch ms) or later. */
    public CompletionStage<ScreenSnapshot> read(String scope, long workersSince) {
        String prefix = ScopeQueries.prefix(scope);
        return pool.withTransaction(connection -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
                .compose(set -> connection.preparedQuery("SELECT " + EventRows.COLUMNS
                        + " FROM event WHERE open AND cell LIKE $1 ORDER BY created_at, id").execute(Tuple.of(prefix)))
                .compose(eventRows -> {
                    List<StoredEvent> events = new ArrayList<>();
                    eventRows.forEach(row -> events.add(EventRows.event(row)));
                    return connection.preparedQuery(ScopeQueries.LATEST_POSITIONS + " ORDER BY worker_id")
                            .execute(Tuple.of(prefix, workersSince))
                            .compose(workerRows -> {
                                List<WorkerSpot> workers = new ArrayList<>();
                                for (Row r : workerRows) {
                                    workers.add(new WorkerSpot(r.getString(0), r.getDouble(1), r.getDouble(2),
                                            r.getString(3), r.getLong(4)));
                                }
                                return connection.preparedQuery(ScopeQueries.DEVICES).execute(Tuple.of(prefix))
                                        .map(deviceRows -> {
                                            Row counts = deviceRows.iterator().next();
                                            return new ScreenSnapshot(events, workers, counts.getLong(0).intValue(),
                                                    counts.getLong(1).intValue());
                                        });
                            });
                })).toCompletionStage();
    }
}
