package city.gridcommand.store;

import city.gridcommand.rules.ClearingCheck.Evidence;
import city.gridcommand.rules.ClearingCheck.Needs;
import city.gridcommand.rules.ClearingCheck.SenderLife;
import city.gridcommand.rules.DetectionRule;
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
 * Reads what {@link city.gridcommand.rules.ClearingCheck} needs to tell whether machine events have
 * cleared, whichever instance took the signals: each sensor's latest reading (a backward scan of its
 * identity index), each sender's last message ({@link LastHeardRepository}), and per detection rule the
 * cameras that saw a matching detection within its {@code clearAfter} (one index probe per camera).
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

    private final Pool pool;
    private final LastHeardRepository lastHeard;

    ClearingEvidenceRepository(Pool pool, LastHeardRepository lastHeard) {
        this.pool = pool;
        this.lastHeard = lastHeard;
    }

    /** The evidence for {@code needs} at {@code now} (epoch ms; detection windows end there). */
    public CompletionStage<Evidence> read(Needs needs, long now) {
        // each query fills its map when its rows arrive, perhaps on another event loop than the others
        Map<String, Map<String, Double>> readings = new ConcurrentHashMap<>();
        Map<String, SenderLife> lives = new ConcurrentHashMap<>();
        Map<String, Set<String>> seeing = new ConcurrentHashMap<>();
        List<Future<?>> reads = new ArrayList<>();
        if (!needs.sensors().isEmpty()) {
            reads.add(pool.preparedQuery(LATEST_READINGS).execute(Tuple.of(needs.sensors().toArray(String[]::new)))
                    .onSuccess(rows -> rows.forEach(row -> readings.put(row.getString(0), metrics(row)))));
        }
        if (!needs.devices().isEmpty() || !needs.workers().isEmpty()) {
            reads.add(Future.fromCompletionStage(lastHeard.lastOf(needs.devices(), needs.workers()))
                    .onSuccess(heard -> heard.forEach(h -> lives.put(h.senderId(),
                            new SenderLife(h.receivedAt(), h.offline())))));
        }
        needs.cameras().forEach((rule, cameras) -> reads.add(stillSeeing(rule, cameras, now)
                .onSuccess(seen -> seeing.put(rule.id(), seen))));
        return Future.all(reads).map(done -> new Evidence(readings, lives, seeing)).toCompletionStage();
    }

    private Future<Set<String>> stillSeeing(DetectionRule rule, Set<String> cameras, long now) {
        Tuple params = Tuple.of(cameras.toArray(String[]::new), now - rule.clearAfter().toMillis(),
                rule.kinds().toArray(String[]::new), rule.minConfidence());
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
