package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import city.gridcommand.signal.WorkerCellChange;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Writes the worker cell changes settled by a batch's positions, in the batch's transaction. */
final class WorkerCellChanges {

    private static final String SQL = """
            INSERT INTO worker_cell_change (worker_id, ts, change, cell)
            SELECT * FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING""";

    private WorkerCellChanges() {
    }

    /** Null when the positions settled no change. */
    static Future<Void> insert(SqlConnection connection, List<PendingItem> positions) {
        List<WorkerCellChange> changes = new ArrayList<>();
        for (PendingItem item : positions) {
            if (item.placement() != null) {
                changes.addAll(item.placement().movements());
            }
        }
        if (changes.isEmpty()) {
            return null;
        }
        int n = changes.size();
        String[] workers = new String[n];
        Long[] ts = new Long[n];
        String[] types = new String[n];
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            WorkerCellChange change = changes.get(i);
            workers[i] = change.workerId();
            ts[i] = change.ts();
            types[i] = change.type().wireName();
            cells[i] = change.cell();
        }
        return connection.preparedQuery(SQL).execute(Tuple.of(workers, ts, types, cells)).mapEmpty();
    }
}
