package city.gridcommand.store;

import city.gridcommand.signal.SignalSource;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The last message stored from a sender, whichever instance took it: what the silence rules must know
 * across a restart and across instances. One backward index scan per sender and feed (telemetry and
 * positions by their identity index across the daily partitions, detections by theirs (camera, ts, seq),
 * statuses by arrival).
 */
@ApplicationScoped
public class LastHeardRepository {

    /**
     * A sender's last stored message.
     *
     * @param deviceKind {@code sensor} or {@code camera} as registered; null for a worker or an unregistered device
     * @param seq        null for a status
     * @param lat        where the message says it was sent from, if it says (else null, as {@code lon})
     * @param settledCell for a worker, the base cell of their last stored cell change if they entered it
     *                    (null if they left the grid, or no change is stored); null for a device
     * @param offline     whether the last message is an offline status (a last will)
     */
    public record LastHeard(String senderId, SignalSource feed, String deviceKind, Long seq, long ts, long receivedAt,
            Double lat, Double lon, String settledCell, boolean offline) {
    }

    /** A device's last message over its three feeds; {@code %s} is the SQL expression of its id. */
    private static final String DEVICE_LAST = """
            SELECT * FROM (
                (SELECT 'TELEMETRY' AS feed, seq, ts, received_at, lat, lon, false AS offline FROM telemetry
                 WHERE device_id = %1$s ORDER BY ts DESC, seq DESC LIMIT 1)
                UNION ALL
                (SELECT 'DETECTION', seq, ts, received_at, lat, lon, false FROM detection
                 WHERE camera_id = %1$s ORDER BY ts DESC, seq DESC LIMIT 1)
                UNION ALL
                (SELECT 'DEVICE_STATUS', NULL, ts, received_at, NULL, NULL, NOT online FROM device_status
                 WHERE device_id = %1$s ORDER BY received_at DESC, ts DESC LIMIT 1)
            ) heard
            ORDER BY received_at DESC LIMIT 1
            """;
    /** A worker's last position; {@code %s} is the SQL expression of their id. */
    private static final String WORKER_LAST = """
            SELECT 'WORKER_LOCATION' AS feed, seq, ts, received_at, lat, lon,
                   (SELECT CASE WHEN c.change = 'entered' THEN c.cell END FROM worker_cell_change c
                    WHERE c.worker_id = %1$s AND c.change IN ('entered', 'left')
                    ORDER BY c.ts DESC LIMIT 1) AS settled_cell
            FROM worker_position
            WHERE worker_id = %1$s ORDER BY ts DESC, seq DESC LIMIT 1
            """;

    /** Each device in the id list {@code %s} (an SQL table expression of one column) with its last message. */
    private static final String DEVICES = "SELECT s.id, d.kind, m.feed, m.seq, m.ts, m.received_at, m.lat, m.lon,"
            + " NULL::text, m.offline FROM %s AS s(id)"
            + " LEFT JOIN device d ON d.id = s.id CROSS JOIN LATERAL (" + DEVICE_LAST.formatted("s.id") + ") m";
    /** Each worker in the id list {@code %s} with their last position and settled cell. */
    private static final String WORKERS = "SELECT s.id, NULL::text, m.*, false FROM %s AS s(id) CROSS JOIN LATERAL ("
            + WORKER_LAST.formatted("s.id") + ") m";

    private final Pool pool;

    LastHeardRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every registered sender that has sent something, with its last message. */
    public CompletionStage<List<LastHeard>> everyRegisteredSender() {
        return both(pool.query(DEVICES.formatted("(SELECT id FROM device)")).execute(),
                pool.query(WORKERS.formatted("(SELECT id FROM worker)")).execute());
    }

    /** The last message of each of these devices and workers that has sent something: one query per kind. */
    public CompletionStage<List<LastHeard>> lastOf(Collection<String> deviceIds, Collection<String> workerIds) {
        String ids = "unnest($1::text[])";
        return both(pool.preparedQuery(DEVICES.formatted(ids)).execute(Tuple.of(deviceIds.toArray(String[]::new))),
                pool.preparedQuery(WORKERS.formatted(ids)).execute(Tuple.of(workerIds.toArray(String[]::new))));
    }

    private static CompletionStage<List<LastHeard>> both(Future<RowSet<Row>> devices, Future<RowSet<Row>> workers) {
        return Future.all(devices, workers).map(results -> {
            List<LastHeard> all = read(devices.result());
            all.addAll(read(workers.result()));
            return all;
        }).toCompletionStage();
    }

    /** Rows of (id, device kind, feed, seq, ts, received_at, lat, lon, settled cell, offline). */
    private static List<LastHeard> read(RowSet<Row> rows) {
        List<LastHeard> heard = new ArrayList<>();
        for (Row row : rows) {
            heard.add(new LastHeard(row.getString(0), SignalSource.valueOf(row.getString(2)), row.getString(1),
                    row.getLong(3), row.getLong(4), row.getLong(5), row.getDouble(6), row.getDouble(7),
                    row.getString(8), row.getBoolean(9)));
        }
        return heard;
    }
}
