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

    // the latest position of every worker heard since $2, kept when it lies in the scope (a worker who moved
    // out of it is not shown at an old place)
    private static final String WORKERS = """
            SELECT worker_id, lat, lon, cell, ts FROM (
                SELECT DISTINCT ON (worker_id) worker_id, lat, lon, cell, ts FROM worker_position
                WHERE ts >= $2 ORDER BY worker_id, ts DESC, seq DESC) latest
            WHERE cell LIKE $1 ORDER BY worker_id""";

    // a device's online state is its latest status by arrival, as for /latest; a status's cell is its device's
    // (devices do not move), so the scope's statuses are found first (device_status_cell)
    private static final String DEVICES = """
            SELECT count(*) FILTER (WHERE online) AS online, count(*) FILTER (WHERE NOT online) AS offline FROM (
                SELECT DISTINCT ON (device_id) online FROM device_status WHERE cell LIKE $1
                ORDER BY device_id, received_at DESC, ts DESC) latest""";

    private final Pool pool;

    ScreenSnapshotRepository(Pool pool) {
        this.pool = pool;
    }

    /** The snapshot of the scope; worker positions taken at {@code workersSince} (epoch ms) or later. */
    public CompletionStage<ScreenSnapshot> read(String scope, long workersSince) {
        String prefix = EventRepository.prefixPatterns(List.of(scope))[0];
        return pool.withTransaction(connection -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
                .compose(set -> connection.preparedQuery("SELECT " + EventRows.COLUMNS
                        + " FROM event WHERE open AND cell LIKE $1 ORDER BY created_at, id").execute(Tuple.of(prefix)))
                .compose(eventRows -> {
                    List<StoredEvent> events = new ArrayList<>();
                    eventRows.forEach(row -> events.add(EventRows.event(row)));
                    return connection.preparedQuery(WORKERS).execute(Tuple.of(prefix, workersSince))
                            .compose(workerRows -> {
                                List<WorkerSpot> workers = new ArrayList<>();
                                for (Row r : workerRows) {
                                    workers.add(new WorkerSpot(r.getString(0), r.getDouble(1), r.getDouble(2),
                                            r.getString(3), r.getLong(4)));
                                }
                                return connection.preparedQuery(DEVICES).execute(Tuple.of(prefix))
                                        .map(deviceRows -> {
                                            Row counts = deviceRows.iterator().next();
                                            return new ScreenSnapshot(events, workers, counts.getLong(0).intValue(),
                                                    counts.getLong(1).intValue());
                                        });
                            });
                })).toCompletionStage();
    }
}
