package city.gridcommand.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * What a command screen shows of one scope (a cell and everything under it; null: the whole city): the
 * open events of each child cell by severity, and the scope's figures of the moment (events since a time by
 * severity and by state, open and overdue, workers on duty, devices online and offline). Counted in the
 * database, so every instance answers the same.
 */
@ApplicationScoped
public class ScopeStatsRepository {

    /** A child cell of the scope and its open events by severity. */
    public record CellCounts(String cell, long green, long yellow, long red) {
    }

    /** Devices by their latest status message. */
    public record DeviceCounts(long online, long offline) {
    }

    /**
     * The scope's figures: events created since {@code from} by severity and by state, open events marked
     * overdue, workers on duty (latest position within the window, in the scope), devices by latest status.
     */
    public record ScopeFigures(Map<String, Long> bySeverity, Map<String, Long> byState, long overdueNow, long onDuty,
            DeviceCounts devices) {
    }

    // the cell just under the scope on the event's path (for the whole city: the root); null for an event of
    // the scope's own cell when it is a leaf
    private static final String OPEN_BY_CHILD = """
            SELECT cell_path[coalesce(array_position(cell_path, $1::text), 0) + 1] AS child, severity, count(*) AS n
            FROM event
            WHERE open AND merged_into IS NULL AND ($1::text IS NULL OR cell_path @> ARRAY[$1::text])
            GROUP BY 1, 2""";

    private static final String SINCE = """
            SELECT severity, state, count(*) AS n
            FROM event
            WHERE created_at >= $2 AND merged_into IS NULL AND ($1::text IS NULL OR cell_path @> ARRAY[$1::text])
            GROUP BY 1, 2""";

    private static final String OVERDUE = """
            SELECT count(*) AS n
            FROM event
            WHERE open AND overdue AND merged_into IS NULL AND ($1::text IS NULL OR cell_path @> ARRAY[$1::text])""";

    private static final List<String> SEVERITIES = List.of("GREEN", "YELLOW", "RED");

    private final Pool pool;

    ScopeStatsRepository(Pool pool) {
        this.pool = pool;
    }

    /** Per child cell of the scope that has any, its open events by severity, in code order. */
    public CompletionStage<List<CellCounts>> openByChild(String scope) {
        return pool.preparedQuery(OPEN_BY_CHILD).execute(Tuple.of(scope)).map(rows -> {
            Map<String, long[]> counts = new TreeMap<>();
            for (Row r : rows) {
                String child = r.getString("child");
                int severity = SEVERITIES.indexOf(r.getString("severity"));
                if (child != null && severity >= 0) {
                    counts.computeIfAbsent(child, c -> new long[3])[severity] += r.getLong("n");
                }
            }
            List<CellCounts> cells = new ArrayList<>(counts.size());
            counts.forEach((cell, n) -> cells.add(new CellCounts(cell, n[0], n[1], n[2])));
            return cells;
        }).toCompletionStage();
    }

    /**
     * The scope's figures: events created since {@code from}, open events overdue, workers whose latest
     * position since {@code onDutySince} is in the scope, devices whose latest status places them in it.
     */
    public CompletionStage<ScopeFigures> figures(String scope, long from, long onDutySince) {
        Future<Map<String, Map<String, Long>>> since = pool.preparedQuery(SINCE).execute(Tuple.of(scope, from))
                .map(rows -> {
                    Map<String, Long> bySeverity = new LinkedHashMap<>();
                    SEVERITIES.forEach(s -> bySeverity.put(s, 0L));
                    Map<String, Long> byState = new LinkedHashMap<>();
                    for (Row r : rows) {
                        bySeverity.merge(r.getString("severity"), r.getLong("n"), Long::sum);
                        byState.merge(r.getString("state"), r.getLong("n"), Long::sum);
                    }
                    return Map.of("bySeverity", bySeverity, "byState", byState);
                });
        Future<Long> overdue = pool.preparedQuery(OVERDUE).execute(Tuple.of(scope))
                .map(rows -> rows.iterator().next().getLong("n"));
        Future<Long> onDuty = pool.preparedQuery(ScopeQueries.ON_DUTY)
                .execute(Tuple.of(ScopeQueries.prefix(scope), onDutySince))
                .map(rows -> rows.iterator().next().getLong("n"));
        Future<DeviceCounts> devices = pool.preparedQuery(ScopeQueries.DEVICES)
                .execute(Tuple.of(ScopeQueries.prefix(scope))).map(rows -> {
            Row r = rows.iterator().next();
            return new DeviceCounts(r.getLong("online"), r.getLong("offline"));
        });
        return Future.all(since, overdue, onDuty, devices).map(all -> new ScopeFigures(
                since.result().get("bySeverity"), since.result().get("byState"), overdue.result(), onDuty.result(),
                devices.result())).toCompletionStage();
    }
}
