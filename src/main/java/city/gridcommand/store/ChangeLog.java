package city.gridcommand.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends a transaction's event changes to the change log, all in one statement, which must be the last
 * one of the transaction before its commit: it takes their seqs from the one row of {@code change_log}
 * ({@code UPDATE ... SET seq = seq + n}), whose lock is held until the commit, so the next writer gets
 * higher seqs only once these are committed. The seq is therefore in commit order, and contiguous
 * (V10__change_log_order.sql). The statement's trigger notifies the instances' tails at commit.
 */
final class ChangeLog {

    private static final String APPEND = """
            WITH head AS (UPDATE change_log SET seq = seq + $1 WHERE id = 1 RETURNING seq - $1 AS before)
            INSERT INTO event_change (seq, event_id, cell, cell_path, type, at, body)
            SELECT head.before + u.ord, u.event_id, u.cell, string_to_array(u.cell_path, ','), u.type, u.at, u.body
            FROM head, unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::jsonb[])
                WITH ORDINALITY AS u(event_id, cell, cell_path, type, at, body, ord)
            RETURNING seq""";

    private ChangeLog() {
    }

    /**
     * Logs {@code changes} in the order given, completing with them and their seqs; no statement at all for
     * none. Call it last in the transaction, after every other statement.
     */
    static Future<List<EventChange>> append(SqlConnection connection, List<EventChange> changes) {
        if (changes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        int n = changes.size();
        UUID[] events = new UUID[n];
        String[] cells = new String[n];
        String[] paths = new String[n];
        String[] types = new String[n];
        Long[] ats = new Long[n];
        JsonObject[] bodies = new JsonObject[n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = changes.get(i).event();
            events[i] = e.id();
            cells[i] = e.cell();
            paths[i] = String.join(",", e.cellPath());
            types[i] = changes.get(i).type();
            ats[i] = changes.get(i).at();
            bodies[i] = e.body();
        }
        Tuple params = Tuple.of((long) n, events, cells, paths, types, ats).addArrayOfJsonObject(bodies);
        return connection.preparedQuery(APPEND).execute(params).map(rows -> {
            long first = Long.MAX_VALUE;
            for (var row : rows) {
                first = Math.min(first, row.getLong(0));
            }
            List<EventChange> logged = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                EventChange change = changes.get(i);
                logged.add(new EventChange(change.type(), change.event(), first + i, change.at()));
            }
            return logged;
        });
    }
}
