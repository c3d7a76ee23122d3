package city.gridcommand.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** The rule set in force, as JSON, replaced whole; absent until first replaced through the API. */
@ApplicationScoped
public class RuleSetRepository {

    private final Pool pool;

    RuleSetRepository(Pool pool) {
        this.pool = pool;
    }

    /** The stored rule set's JSON, or null when the default file is in force. */
    public CompletionStage<String> current() {
        return pool.query("SELECT rules::text FROM rule_set WHERE id = 1").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null)
                .toCompletionStage();
    }

    /**
     * Stores the rule set. The JSON goes in as a JSON object: a Java string bound to a {@code jsonb}
     * parameter would be stored as one JSON string holding the document, which {@link #current()} (and
     * every other instance, and this one after a restart) could not read as a rule set.
     */
    public CompletionStage<Void> replace(String json) {
        return pool.preparedQuery("INSERT INTO rule_set (id, rules, updated_at) VALUES (1, $1, $2) "
                        + "ON CONFLICT (id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.of(new JsonObject(json), System.currentTimeMillis())).<Void>mapEmpty()
                .toCompletionStage();
    }
}
