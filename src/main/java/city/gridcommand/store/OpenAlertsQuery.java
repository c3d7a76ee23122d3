package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A person's open alerts, as last sent to them: for each alert still open (no one acknowledged it, its events
 * not resolved, its chain not run out) of which the person is a recipient, the body of the latest delivery to
 * them (on any channel: the body is the same on each), oldest alert first. What a {@code /ws/v1/alerts}
 * socket sends before the alerts that arrive after it opened.
 */
@ApplicationScoped
public class OpenAlertsQuery {

    /** The most open alerts sent to one socket; a person with more sees the newest this many. */
    static final int LIMIT = 200;

    // the person's alerts by alert_recipient_person, their latest delivery to them by alert_delivery_alert (V12)
    private static final String SQL = """
            SELECT body FROM (
              SELECT DISTINCT ON (a.id) a.id, a.opened_at, d.body
              FROM alert_recipient r
              JOIN alert a ON a.id = r.alert_id AND a.state = 'open'
              JOIN alert_delivery d ON d.alert_id = r.alert_id AND d.person_id = r.person_id
              WHERE r.person_id = $1
              ORDER BY a.id, d.id DESC
            ) latest ORDER BY opened_at DESC, id LIMIT $2""";

    private final Pool pool;

    OpenAlertsQuery(Pool pool) {
        this.pool = pool;
    }

    /** The bodies of the person's open alerts, oldest first. */
    public CompletionStage<List<String>> bodiesFor(String personId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(personId, LIMIT)).map(rows -> {
            List<String> bodies = new ArrayList<>();
            for (Row row : rows) {
                bodies.add(0, row.getString(0));
            }
            return bodies;
        }).toCompletionStage();
    }
}
