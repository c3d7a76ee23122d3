package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How many events each rule raised: events of origin {@code rule}, by the rule id their trigger names
 * ({@code trigger->>'rule'}) and their category, created in a period. Counted in the database, so every
 * instance answers the same; a trigger that joined an open event raised none and is not counted here.
 */
@ApplicationScoped
public class RuleStatsRepository {

    /** Events raised by one rule in one category, and how many of them cleared by themselves. */
    public record RuleRaises(String rule, String category, long raised, long cleared) {
    }

    // event.trigger is a JSON object; events raised before 2026-11-30 hold it as a JSON string holding the
    // object (a Java string was bound to the jsonb parameter): unwrap it when it is one
    private static final String SQL = """
            SELECT coalesce((CASE WHEN jsonb_typeof(trigger) = 'string' THEN (trigger #>> '{}')::jsonb
                                  ELSE trigger END) ->> 'rule', '') AS rule,
                   category, count(*) AS raised, count(*) FILTER (WHERE state = 'CLEARED') AS cleared
            FROM event
            WHERE origin = 'rule' AND created_at >= $1 AND created_at < $2
              AND ($3::text[] IS NULL OR cell LIKE ANY($3::text[]))
            GROUP BY 1, 2
            ORDER BY 3 DESC, 1, 2""";

    private final Pool pool;

    RuleStatsRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Raised in [{@code from}, {@code to}) (epoch ms) in base cells starting with one of {@code within}
     * (the caller's cells; null: anywhere; empty: nowhere).
     */
    public CompletionStage<List<RuleRaises>> raised(long from, long to, List<String> within) {
        return pool.preparedQuery(SQL)
                .execute(Tuple.from(new Object[] {from, to, EventRepository.prefixPatterns(within)}))
                .map(rows -> {
                    List<RuleRaises> raises = new ArrayList<>();
                    for (Row r : rows) {
                        raises.add(new RuleRaises(r.getString("rule"), r.getString("category"), r.getLong("raised"),
                                r.getLong("cleared")));
                    }
                    return raises;
                }).toCompletionStage();
    }
}
