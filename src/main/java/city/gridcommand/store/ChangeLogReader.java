package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads the change log (V3, V10): where it stands, and the changes after a seq, all or those of one
 * cell and everything under it. The seq is in commit order ({@link ChangeLog}), so whatever is readable
 * after a seq is every change after it: a reader that goes on from the last seq it read never misses
 * one, unless retention pruned it, which the page says ({@link ChangePage#tooOld()}).
 */
@ApplicationScoped
public class ChangeLogReader {

    /** The scope of every cell. */
    public static final String EVERY_CELL = "*";

    private static final String POSITION = "SELECT epoch::text, seq FROM change_log WHERE id = 1";

    /**
     * One statement, one snapshot: the page (possibly none) and, on every row, the mark of what retention
     * pruned, read with it so a pruning between the two cannot hide a gap.
     */
    private static final String PAGE = """
            SELECT h.pruned_through, c.seq, c.type, c.at, c.body, c.event_id, c.cell
            FROM change_log h LEFT JOIN LATERAL (
                SELECT seq, type, at, body, event_id, cell FROM event_change WHERE seq > $1 %s ORDER BY seq LIMIT $2
            ) c ON true
            WHERE h.id = 1
            ORDER BY c.seq""";
    static final String EVERYTHING = PAGE.formatted("");
    /** cell_path holds the cell and every cell above it, so a cell's scope is the changes whose path has it (GIN). */
    static final String SCOPED = PAGE.formatted("AND cell_path @> ARRAY[$3::text]");

    private final Pool pool;

    public ChangeLogReader(Pool pool) {
        this.pool = pool;
    }

    /** The log's epoch and its last committed seq. */
    public CompletionStage<LogPosition> position() {
        return pool.query(POSITION).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new LogPosition(row.getString(0), row.getLong(1));
        }).toCompletionStage();
    }

    /**
     * At most {@code limit} changes with seq above {@code since}, in seq order, of the cell {@code scope}
     * and everything under it ({@link #EVERY_CELL}: all). {@code tooOld} when some change after
     * {@code since}, of any scope, was pruned by retention.
     */
    public CompletionStage<ChangePage> after(long since, String scope, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        var rows = EVERY_CELL.equals(scope)
                ? pool.preparedQuery(EVERYTHING).execute(Tuple.of(since, limit))
                : pool.preparedQuery(SCOPED).execute(Tuple.of(since, limit, scope));
        return rows.map(result -> page(since, result)).toCompletionStage();
    }

    static ChangePage page(long since, RowSet<Row> rows) {
        long prunedThrough = 0;
        List<EventChange> changes = new ArrayList<>();
        for (Row row : rows) {
            prunedThrough = row.getLong("pruned_through");
            if (row.getValue("seq") != null) {
                changes.add(ChangeRows.change(row));
            }
        }
        return new ChangePage(changes, since < prunedThrough, prunedThrough + 1);
    }
}
