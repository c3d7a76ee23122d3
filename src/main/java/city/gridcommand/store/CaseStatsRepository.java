package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The evaluation figures of cases (综合评价) over any subtree of cells, grouped by the cell just under
 * the scope, by category or by department. Cases count in the period they were reported in.
 */
@ApplicationScoped
public class CaseStatsRepository {

    /** How the figures are grouped. */
    public enum GroupBy {
        CELL, CATEGORY, DEPARTMENT
    }

    /**
     * One group's figures; times in milliseconds, null when no case of the group was closed. A case that
     * cleared by itself ({@code cleared}) was never worked: it is not counted as closed.
     */
    public record CaseFigures(String key, long reported, long registered, long refused, long cleared, long dispatched,
            long closed,
            long closedOnTime, long reworked, long overdueNow, Double meanTimeToClose, Double p90TimeToClose) {
    }

    private final Pool pool;

    CaseStatsRepository(Pool pool) {
        this.pool = pool;
    }

    /** {@code scope} null: the whole city; {@code from}/{@code to} bound the report time (inclusive, exclusive). */
    public CompletionStage<List<CaseFigures>> figures(String scope, Long from, Long to, GroupBy by) {
        return pool.preparedQuery(sql(by)).execute(Tuple.of(scope, from, to)).map(rows -> {
            List<CaseFigures> figures = new ArrayList<>();
            for (Row r : rows) {
                figures.add(new CaseFigures(r.getString("key"), r.getLong("reported"), r.getLong("registered"),
                        r.getLong("refused"), r.getLong("cleared"), r.getLong("dispatched"), r.getLong("closed"), r.getLong("closed_on_time"),
                        r.getLong("reworked"), r.getLong("overdue_now"), r.getDouble("mean_close"),
                        r.getDouble("p90_close")));
            }
            return figures;
        }).toCompletionStage();
    }

    private static String sql(GroupBy by) {
        String key = switch (by) {
            case CATEGORY -> "category";
            case DEPARTMENT -> "coalesce(department, '')";
            // the cell just under the scope on the case's path (the base cell itself at the bottom)
            case CELL -> "coalesce(cell_path[coalesce(array_position(cell_path, $1::text), 0) + 1], cell)";
        };
        return "SELECT " + key + """
                 AS key,
                       count(*) AS reported,
                       count(registered_at) AS registered,
                       count(*) FILTER (WHERE state = 'REFUSED') AS refused,
                       count(*) FILTER (WHERE state = 'CLEARED') AS cleared,
                       count(dispatched_at) AS dispatched,
                       count(closed_at) FILTER (WHERE state <> 'CLEARED') AS closed,
                       count(*) FILTER (WHERE closed_on_time) AS closed_on_time,
                       count(*) FILTER (WHERE rework_count > 0) AS reworked,
                       count(*) FILTER (WHERE open AND overdue) AS overdue_now,
                       (avg(closed_at - created_at) FILTER (WHERE state <> 'CLEARED'))::float8 AS mean_close,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY closed_at - created_at)
                           FILTER (WHERE closed_at IS NOT NULL AND state <> 'CLEARED') AS p90_close
                FROM event
                WHERE ($1::text IS NULL OR cell_path @> ARRAY[$1::text])
                  AND ($2::int8 IS NULL OR created_at >= $2) AND ($3::int8 IS NULL OR created_at < $3)
                  AND merged_into IS NULL
                GROUP BY 1 ORDER BY 1""";
    }
}
