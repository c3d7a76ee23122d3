package city.gridcommand.store;

import city.gridcommand.store.LastHeardRepository.LastHeard;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what it takes to tell whether machine events have cleared, whichever instance took the signals:
 * each sensor's latest reading (a backward scan of its identity index), each sender's last message
 * ({@link LastHeardRepository}), and per camera query the cameras that saw a matching detection since its
 * time (one index probe per camera).
 */
@ApplicationScoped
public class ClearingEvidenceRepository {

    private static final String LATEST_READINGS = """
            SELECT s.id, t.metrics FROM unnest($1::text[]) AS s(id)
            CROSS JOIN LATERAL (SELECT metrics FROM telemetry WHERE device_id = s.id
                                ORDER BY ts DESC, seq DESC LIMIT 1) t""";
    private static final String STILL_SEEING = """
            SELECT s.id FROM unnest($1::text[]) AS s(id)
            WHERE EXISTS (SELECT 1 FROM detection d WHERE d.camera_id = s.id AND d.ts >= $2
                          AND d.kind = ANY ($3::text[]) AND d.confidence >= $4)""";

    /** Which of {@code cameras} saw one of {@code kinds} with at least {@code minConfidence} since {@code since}. */
    public record CameraQuery(String key, Set<String> cameras, Set<String> kinds, double minConfidence, long since) {
    }

    /**
     * What was read: each sensor's latest metrics, each sender's last message, and per camera query (by its
     * key) the cameras that did see.
     */
    public record Heard(Map<String, Map<String, Double>> readings, Map<String, LastHeard> lastHeard,
            Map<String, Set<String>> seeing) {
    }

    private final Pool pool;
    private final LastHeardRepository lastHeard;

    ClearingEvidenceRepository(Pool pool, LastHeardRepository lastHeard) {
        this.pool = pool;
        this.lastHeard = lastHeard;
    }

    /** The latest readings of {@code sensors}, the last messages of {@code devices} and {@code workers}, and {@code cameras}. */
    public CompletionStage<Heard> read(Set<String> sensors, Set<String> devices, Set<String> workers,
            List<CameraQuery> cameras) {
        // each query fills its map when its rows arrive, perhaps on another event loop than the others
        Map<String, Map<String, Double>> readings = new ConcurrentHashMap<>();
        Map<String, LastHeard> heard = new ConcurrentHashMap<>();
        Map<String, Set<String>> seeing = new ConcurrentHashMap<>();
        List<Future<?>> reads = new ArrayList<>();
        if (!sensors.isEmpty()) {
            reads.add(pool.preparedQuery(LATEST_READINGS).execute(Tuple.of(sensors.toArray(String[]::new)))
                    .onSuccess(rows -> rows.forEach(row -> readings.put(row.getString(0), metrics(row)))));
        }
        if (!devices.isEmpty() || !workers.isEmpty()) {
            reads.add(Future.fromCompletionStage(lastHeard.lastOf(devices, workers))
                    .onSuccess(last -> last.forEach(h -> heard.put(h.senderId(), h))));
        }
        for (CameraQuery query : cameras) {
            reads.add(stillSeeing(query).onSuccess(seen -> seeing.put(query.key(), seen)));
        }
        return Future.all(reads).map(done -> new Heard(readings, heard, seeing)).toCompletionStage();
    }

    private Future<Set<String>> stillSeeing(CameraQuery query) {
        Tuple params = Tuple.of(query.cameras().toArray(String[]::new), query.since(),
                query.kinds().toArray(String[]::new), query.minConfidence());
        return pool.preparedQuery(STILL_SEEING).execute(params).map(rows -> {
            Set<String> seen = new HashSet<>();
            rows.forEach(row -> seen.add(row.getString(0)));
            return seen;
        });
    }

    private static Map<String, Double> metrics(Row row) {
        Object json = row.getJson(1);
        Map<String, Double> metrics = new HashMap<>();
        if (json instanceof JsonObject object) {
            object.forEach(entry -> {
                if (entry.getValue() instanceof Number number) {
                    metrics.put(entry.getKey(), number.doubleValue());
                }
            });
        }
        return metrics;
    }
}
