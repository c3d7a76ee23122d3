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
 * What a device last sent and whether it is online, and the latest position of a worker. Readings,
 * detections and positions are each one backward scan of their table's identity index (sender, ts, seq),
 * across the daily partitions; statuses are taken in the order they arrived (device_status_arrival).
 */
@ApplicationScoped
public class LatestSignalRepository {

    /**
     * A device as it was last heard.
     *
     * @param type             {@code sensor} or {@code camera} as registered; null for an unregistered device
     * @param seq              {@code seq} to {@code lon}: its latest telemetry by its own clock (null without any)
     * @param online           false when the last message that arrived from it is a status saying it is
     *                         offline (its last will), true after any other, null when nothing arrived
     * @param statusTs         its latest status by arrival: the {@code ts} it carries and when it arrived
     * @param lastHeardAt      when the service received its latest reading, detection or status
     * @param detection        its latest detection (null without any)
     */
    public record DeviceLatest(String deviceId, String type, Long seq, Long ts, Long receivedAt,
            Map<String, Object> metrics, Double lat, Double lon, Boolean online, Long statusTs, Long statusReceivedAt,
            Long lastHeardAt, LatestDetection detection) {
    }

    /** A camera's latest detection. */
    public record LatestDetection(long seq, long ts, long receivedAt, String kind, double confidence,
            String snapshotUrl, Double lat, Double lon) {
    }

    /** A sender's latest status by arrival: whether it said it is online, the {@code ts} it carries, when it arrived. */
    public record LatestStatus(boolean online, long ts, long receivedAt) {
    }

    /** A worker's latest position. */
    public record LatestPosition(String workerId, long seq, long ts, long receivedAt, double lat, double lon,
            Double accuracy, Double battery) {
    }

    /**
     * A device's registration, latest reading, detection and status, in one row. A last will arrives after
     * every message its device sent on that connection, so on a tie of arrival times the status is the later.
     */
    private static final String DEVICE_LATEST = """
            SELECT d.kind AS type, t.seq, t.ts, t.received_at, t.metrics, t.lat, t.lon,
                   x.seq AS d_seq, x.ts AS d_ts, x.received_at AS d_received_at, x.kind AS d_kind, x.confidence,
                   x.snapshot_url, x.lat AS d_lat, x.lon AS d_lon,
                   s.ts AS status_ts, s.received_at AS status_received_at,
                   greatest(t.received_at, x.received_at, s.received_at) AS last_heard_at,
                   CASE WHEN s.online IS NULL AND t.received_at IS NULL AND x.received_at IS NULL THEN NULL
                        WHEN NOT s.online AND s.received_at >= coalesce(greatest(t.received_at, x.received_at), 0)
                        THEN false
                        ELSE true END AS online
            FROM (SELECT $1::text AS id) k
            LEFT JOIN device d ON d.id = k.id
            LEFT JOIN LATERAL (SELECT seq, ts, received_at, metrics, lat, lon FROM telemetry WHERE device_id = $1
                               ORDER BY ts DESC, seq DESC LIMIT 1) t ON true
            LEFT JOIN LATERAL (SELECT seq, ts, received_at, kind, confidence, snapshot_url, lat, lon FROM detection
                               WHERE camera_id = $1 ORDER BY ts DESC, seq DESC LIMIT 1) x ON true
            LEFT JOIN LATERAL (SELECT online, ts, received_at FROM device_status WHERE device_id = $1
                               ORDER BY received_at DESC, ts DESC LIMIT 1) s ON true""";

    private final Pool pool;

    LatestSignalRepository(Pool pool) {
        this.pool = pool;
    }

    /** Null when the device is neither registered nor ever heard from. */
    public CompletionStage<DeviceLatest> latestOfDevice(String deviceId) {
        return pool.preparedQuery(DEVICE_LATEST).execute(Tuple.of(deviceId)).map(rows -> {
            Row row = first(rows);
            return row.getString("type") == null && row.getLong("last_heard_at") == null ? null
                    : deviceLatest(deviceId, row);
        }).toCompletionStage();
    }

    /**
     * The latest status {@code senderId} published (a device's, or a gateway's own), by arrival
     * (device_status_arrival); null when none is kept.
     */
    public CompletionStage<LatestStatus> latestStatus(String senderId) {
        return pool.preparedQuery("SELECT online, ts, received_at FROM device_status WHERE device_id = $1 "
                        + "ORDER BY received_at DESC, ts DESC LIMIT 1").execute(Tuple.of(senderId))
                .map(rows -> {
                    Row row = first(rows);
                    return row == null ? null : new LatestStatus(row.getBoolean("online"), row.getLong("ts"),
                            row.getLong("received_at"));
                }).toCompletionStage();
    }

    /**
     * The worker's latest position if it was taken ({@code ts}) at {@code notBefore} (epoch ms) or later;
     * null when they sent none since. An older position is never answered, even while the partition
     * holding it has not been dropped yet.
     */
    public CompletionStage<LatestPosition> latestPosition(String workerId, long notBefore) {
        return pool.preparedQuery("""
                SELECT seq, ts, received_at, lat, lon, accuracy, battery FROM worker_position
                WHERE worker_id = $1 AND ts >= $2 ORDER BY ts DESC, seq DESC LIMIT 1""")
                .execute(Tuple.of(workerId, notBefore))
                .map(rows -> {
                    Row row = first(rows);
                    return row == null ? null : new LatestPosition(workerId, row.getLong("seq"), row.getLong("ts"),
                            row.getLong("received_at"), row.getDouble("lat"), row.getDouble("lon"),
                            row.getDouble("accuracy"), row.getDouble("battery"));
                }).toCompletionStage();
    }

    private static DeviceLatest deviceLatest(String deviceId, Row row) {
        JsonObject metrics = (JsonObject) row.getJson("metrics");
        LatestDetection detection = row.getLong("d_seq") == null ? null
                : new LatestDetection(row.getLong("d_seq"), row.getLong("d_ts"), row.getLong("d_received_at"),
                        row.getString("d_kind"), row.getDouble("confidence"), row.getString("snapshot_url"),
                        row.getDouble("d_lat"), row.getDouble("d_lon"));
        return new DeviceLatest(deviceId, row.getString("type"), row.getLong("seq"), row.getLong("ts"),
                row.getLong("received_at"), metrics == null ? null : metrics.getMap(), row.getDouble("lat"),
                row.getDouble("lon"), row.getBoolean("online"), row.getLong("status_ts"),
                row.getLong("status_received_at"), row.getLong("last_heard_at"), detection);
    }

    private static Row first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
