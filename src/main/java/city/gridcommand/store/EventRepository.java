package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Reads events and their history for the API; every write goes through {@link CaseStore} or the ingest batch. */
@ApplicationScoped
public class EventRepository {

    /** One step of a case's history. */
    public record HistoryEntry(long at, String action, String actor, String role, String from, String to, String note,
            List<String> attachments, String detail) {
    }

    private final Pool pool;

    EventRepository(Pool pool) {
        this.pool = pool;
    }

    /** Null when there is no such event. */
    public CompletionStage<StoredEvent> find(UUID id) {
        return pool.preparedQuery("SELECT " + EventRows.COLUMNS + " FROM event WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? EventRows.event(rows.iterator().next()) : null)
                .toCompletionStage();
    }

    /**
     * Open events a rule raised that nobody has registered yet (still REPORTED), in id order after
     * {@code after} (null: from the start), at most {@code limit}: the ones that may clear by themselves.
     */
    public CompletionStage<List<StoredEvent>> unregisteredMachineEvents(UUID after, int limit) {
        return pool.preparedQuery("SELECT " + EventRows.COLUMNS + " FROM event WHERE open AND state = 'REPORTED' "
                        + "AND origin = 'rule' AND ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2")
                .execute(Tuple.of(after, limit))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>();
                    rows.forEach(r -> events.add(EventRows.event(r)));
                    return events;
                }).toCompletionStage();
    }

    public CompletionStage<List<HistoryEntry>> history(UUID id) {
        return pool.preparedQuery("SELECT at, action, actor, role, from_state, to_state, note, attachments, detail::text "
                        + "FROM event_history WHERE event_id = $1 ORDER BY id").execute(Tuple.of(id))
                .map(rows -> {
                    List<HistoryEntry> entries = new ArrayList<>();
                    for (Row r : rows) {
                        entries.add(new HistoryEntry(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6), List.of(r.getArrayOfStrings(7)),
                                r.getString(8)));
                    }
                    return entries;
                }).toCompletionStage();
    }

    public CompletionStage<Page<StoredEvent>> page(EventQuery q) {
        Long beforeAt = null;
        UUID beforeId = null;
        if (q.before() != null) {
            int slash = q.before().indexOf('/');
            beforeAt = Long.parseLong(q.before().substring(0, slash));
            beforeId = UUID.fromString(q.before().substring(slash + 1));
        }
        // the subtree of one cell is found through the cell_path index; the caller's cells, a list of code
        // prefixes, filter what it finds (or the whole table for a caller of several cells and no cell asked)
        return pool.preparedQuery("SELECT " + EventRows.COLUMNS + " FROM event WHERE "
                        + "($1::text IS NULL OR cell_path @> ARRAY[$1::text]) AND ($2::text IS NULL OR state = $2) "
                        + "AND ($3::text IS NULL OR severity = $3) AND ($4::text IS NULL OR category = $4) "
                        + "AND ($5::int8 IS NULL OR created_at >= $5) AND ($6::int8 IS NULL OR created_at < $6) "
                        + "AND ($7::int8 IS NULL OR (created_at, id) < ($7, $8::uuid)) "
                        + "AND ($10::text[] IS NULL OR cell LIKE ANY($10::text[])) "
                        + "AND ($11::bool IS NULL OR open = $11) "
                        + "ORDER BY created_at DESC, id DESC LIMIT $9")
                .execute(Tuple.from(new Object[] {q.cell(), q.state(), q.severity(), q.category(), q.from(), q.to(),
                        beforeAt, beforeId, q.limit() + 1, prefixPatterns(q.within()), q.open()}))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>();
                    rows.forEach(r -> events.add(EventRows.event(r)));
                    return Page.of(events, q.limit(), e -> e.createdAt() + "/" + e.id());
                }).toCompletionStage();
    }

    /** LIKE patterns for "starts with one of these codes", the codes' own wildcards escaped; null for null. */
    static String[] prefixPatterns(List<String> codes) {
        if (codes == null) {
            return null;
        }
        return codes.stream().map(code -> code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }
}
