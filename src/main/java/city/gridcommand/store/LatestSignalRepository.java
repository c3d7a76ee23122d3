package city.gridcommand.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The latest reading of a device and the latest position of a worker. Each is one backward scan of
 * the table's identity index, (sender, ts, seq), across the daily partitions.
 */
@ApplicationScoped
public class LatestSignalRepository {

    /** A device's latest telemetry and, if it ever sent one, its latest online flag. */
    public record LatestReading(String deviceId, long seq, long ts, long receivedAt, Map<String, Object> metrics,
            Double lat, Double lon, Boolean online, Long statusTs) {
    }

    /** A worker's latest position. */
    public record LatestPosition(String workerId, long seq, long ts, long receivedAt, double lat, double lon,
            Double accuracy, Double battery) {
    }

    private final Pool pool;

    LatestSignalRepository(Pool pool) {
        this.pool = pool;
    }

    /** Null when the device never sent telemetry. */
    public CompletionStage<LatestReading> latestReading(String deviceId) {
        return pool.preparedQuery("""
                SELECT t.seq, t.ts, t.received_at, t.metrics, t.lat, t.lon, s.online, s.ts AS status_ts
                FROM (SELECT * FROM telemetry WHERE device_id = $1 ORDER BY ts DESC, seq DESC LIMIT 1) t
                LEFT JOIN LATERAL (SELECT online, ts FROM device_status WHERE device_id = $1
                                   ORDER BY ts DESC LIMIT 1) s ON true""")
                .execute(Tuple.of(deviceId))
                .map(rows -> {
                    Row row = first(rows);
                    return row == null ? null : reading(deviceId, row);
                }).toCompletionStage();
    }

    /** Null when the worker never sent a position. */
    public CompletionStage<LatestPosition> latestPosition(String workerId) {
        return pool.preparedQuery("""
                SELECT seq, ts, received_at, lat, lon, accuracy, battery FROM worker_position
                WHERE worker_id = $1 ORDER BY ts DESC, seq DESC LIMIT 1""")
                .execute(Tuple.of(workerId))
                .map(rows -> {
                    Row row = first(rows);
                    return row == null ? null : new LatestPosition(workerId, row.getLong("seq"), row.getLong("ts"),
                            row.getLong("received_at"), row.getDouble("lat"), row.getDouble("lon"),
                            row.getDouble("accuracy"), row.getDouble("battery"));
                }).toCompletionStage();
    }

    private static LatestReading reading(String deviceId, Row row) {
        JsonObject metrics = (JsonObject) row.getJson("metrics");
        return new LatestReading(deviceId, row.getLong("seq"), row.getLong("ts"), row.getLong("received_at"),
                metrics.getMap(), row.getDouble("lat"), row.getDouble("lon"), row.getBoolean("online"),
                row.getLong("status_ts"));
    }

    private static Row first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
