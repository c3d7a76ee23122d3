package city.gridcommand.store;

import city.gridcommand.oncall.ContactPreferences;
import city.gridcommand.oncall.QuietHours;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * On call: the schedule document in force (one row, replaced whole, its version raised each time) and each
 * person's contact preferences (one row per person who stored some).
 */
@ApplicationScoped
public class OnCallRepository {

    /** The stored schedule document (JSON text), its version and when and by whom it was stored. */
    public record StoredSchedules(String json, long version, long updatedAt, String updatedBy) {
    }

    private final Pool pool;

    OnCallRepository(Pool pool) {
        this.pool = pool;
    }

    /** The stored schedules, or null when none were ever stored. */
    public CompletionStage<StoredSchedules> schedules() {
        return pool.query("SELECT document::text, version, updated_at, updated_by FROM oncall_schedules WHERE id = 1")
                .execute().map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return (StoredSchedules) null;
                    }
                    Row r = rows.iterator().next();
                    return new StoredSchedules(r.getString(0), r.getLong(1), r.getLong(2), r.getString(3));
                }).toCompletionStage();
    }

    /** The version of the stored schedules, 0 when none were ever stored. */
    public CompletionStage<Long> version() {
        return pool.query("SELECT version FROM oncall_schedules WHERE id = 1").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : 0L).toCompletionStage();
    }

    /**
     * Stores the document (a JSON object, bound as one so it is stored as an object, not as a string holding
     * it) if the stored version is still {@code expectedVersion} (0: none stored); the new version, or -1
     * when another write came first.
     */
    public CompletionStage<Long> replaceSchedules(String json, String by, long expectedVersion) {
        long now = System.currentTimeMillis();
        JsonObject document = new JsonObject(json);
        if (expectedVersion == 0) {
            return pool.preparedQuery("INSERT INTO oncall_schedules (id, document, version, updated_at, updated_by) "
                            + "VALUES (1, $1, 1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING version")
                    .execute(Tuple.of(document, now, by)).map(OnCallRepository::versionOrLost).toCompletionStage();
        }
        return pool.preparedQuery("UPDATE oncall_schedules SET document = $1, version = version + 1, updated_at = $2, "
                        + "updated_by = $3 WHERE id = 1 AND version = $4 RETURNING version")
                .execute(Tuple.of(document, now, by, expectedVersion)).map(OnCallRepository::versionOrLost)
                .toCompletionStage();
    }

    private static long versionOrLost(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : -1L;
    }

    /** Every stored contact preference. */
    public CompletionStage<List<ContactPreferences>> contacts() {
        return pool.query("SELECT person_id, channels, quiet_from, quiet_to FROM oncall_contact").execute()
                .map(rows -> {
                    List<ContactPreferences> all = new ArrayList<>();
                    rows.forEach(r -> all.add(contact(r)));
                    return all;
                }).toCompletionStage();
    }

    /** The person's stored preferences, or null. */
    public CompletionStage<ContactPreferences> contact(String personId) {
        return pool.preparedQuery("SELECT person_id, channels, quiet_from, quiet_to FROM oncall_contact WHERE person_id = $1")
                .execute(Tuple.of(personId))
                .map(rows -> rows.iterator().hasNext() ? contact(rows.iterator().next()) : null).toCompletionStage();
    }

    /** Stores (creates or replaces) the person's preferences. */
    public CompletionStage<Void> saveContact(ContactPreferences p) {
        QuietHours quiet = p.quietHours();
        return pool.preparedQuery("INSERT INTO oncall_contact (person_id, channels, quiet_from, quiet_to, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels, "
                        + "quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.from(new Object[] {p.personId(), p.channels().toArray(String[]::new),
                        quiet == null ? null : quiet.from(), quiet == null ? null : quiet.to(), System.currentTimeMillis()}))
                .<Void>mapEmpty().toCompletionStage();
    }

    private static ContactPreferences contact(Row r) {
        LocalTime from = r.getLocalTime("quiet_from");
        LocalTime to = r.getLocalTime("quiet_to");
        return new ContactPreferences(r.getString("person_id"), List.of(r.getArrayOfStrings("channels")),
                from == null || to == null ? null : new QuietHours(from, to));
    }
}
