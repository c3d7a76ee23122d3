package city.gridcommand.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Writes a case update (every mutable column) and its history entry; the change is logged by the caller
 * ({@link ChangeLog#append}, last in its transaction).
 */
final class CaseUpdateWriter {

    private static final String UPDATE = """
            UPDATE event SET severity = $2, state = $3, level = $4, department = $5, assignee = $6, step = $7,
                deadline = $8, overdue = $9, rework_count = $10, merged_into = $11, evaluation = $12,
                registered_at = $13, dispatched_at = $14, closed_at = $15, closed_on_time = $16, updated_at = $17,
                open = $18, escalations = $19
            WHERE id = $1
            RETURNING\s""" + EventRows.COLUMNS;

    private CaseUpdateWriter() {
    }

    static Future<EventChange> write(SqlConnection connection, StoredEvent before, CaseUpdate update) {
        StoredEvent a = update.after();
        Tuple params = Tuple.from(new Object[] {before.id(), a.severity(), a.state(), a.level(), a.department(),
                a.assignee(), a.step(), a.deadline(), a.overdue(), a.reworkCount(), a.mergedInto(), a.evaluation(),
                a.registeredAt(), a.dispatchedAt(), a.closedAt(), a.closedOnTime(), a.updatedAt(), a.open(), a.escalations()});
        return connection.preparedQuery(UPDATE).execute(params)
                .map(rows -> EventRows.event(rows.iterator().next()))
                .compose(after -> CaseHistory.append(connection, after, after.updatedAt(), update.action(),
                                update.actor(), update.role(), before.state(), after.state(), update.note(),
                                update.attachments(), update.detail())
                        .map(v -> new EventChange(EventChange.UPDATED, after, 0, after.updatedAt())));
    }
}
