package city.gridcommand.store;

import city.gridcommand.audit.AuditEntry;
import city.gridcommand.audit.AuditLog;
import city.gridcommand.audit.AuditQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The audit trail in table {@code audit_entry}: appends entries and reads them page by page (keyset on id,
 * newest first, so pages stay stable while new entries arrive). There is no update or delete here, and the
 * table's triggers refuse them from anywhere else (V7).
 */
@ApplicationScoped
public class AuditRepository implements AuditLog {

    private static final String COLUMNS = "id, at, actor, roles, address, action, target, cell, detail";

    private static final String APPEND = """
            INSERT INTO audit_entry (at, actor, roles, address, action, target, cell, detail)
            VALUES (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, $7, $8::jsonb)""";

    /** The same, unless an entry of the action and target exists; callers hold the (action, target) lock. */
    private static final String APPEND_ONCE = """
            INSERT INTO audit_entry (at, actor, roles, address, action, target, cell, detail)
            SELECT coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, $7, $8::jsonb
            WHERE NOT EXISTS (SELECT 1 FROM audit_entry WHERE action = $5 AND target = $6)""";

    /** A transaction-scoped lock on one (action, target), so two claims of it are taken one after the other. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";

    /** cell: a prefix of the code (codes nest by prefix); starts_with is a range scan on the "C" collation. */
    private static final String PAGE = """
            SELECT %s
            FROM audit_entry
            WHERE ($1::text IS NULL OR actor = $1)
              AND ($2::text IS NULL OR action = $2)
              AND ($3::text IS NULL OR target = $3)
              AND ($4::text IS NULL OR starts_with(cell, $4))
              AND ($5::timestamptz IS NULL OR at >= $5)
              AND ($6::timestamptz IS NULL OR at < $6)
              AND ($7::int8 IS NULL OR id < $7)
            ORDER BY id DESC
            LIMIT $8""".formatted(COLUMNS);

    private static final String ONE = "SELECT " + COLUMNS + " FROM audit_entry WHERE id = $1";

    private final Pool pool;

    AuditRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<Void> record(AuditEntry entry) {
        return pool.preparedQuery(APPEND).execute(params(entry)).<Void>mapEmpty().toCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> recordOnce(AuditEntry entry) {
        if (entry.target() == null) {
            throw new IllegalArgumentException("a use-once entry needs its target");
        }
        String key = "audit:" + PgText.clean(entry.action()) + ":" + PgText.clean(entry.target());
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(key))
                .compose(locked -> connection.preparedQuery(APPEND_ONCE).execute(params(entry)))
                .map(rows -> rows.rowCount() == 1)).toCompletionStage();
    }

    private static Tuple params(AuditEntry entry) {
        return Tuple.from(new Object[] {time(entry.at()), PgText.clean(entry.actor()),
                entry.roles().stream().map(PgText::clean).toArray(String[]::new), PgText.clean(entry.address()),
                PgText.clean(entry.action()), PgText.clean(entry.target()), PgText.clean(entry.cell()),
                new JsonObject(storable(entry.detail()))});
    }

    @Override
    public CompletionStage<List<AuditEntry>> page(AuditQuery query) {
        Tuple params = Tuple.from(new Object[] {query.actor(), query.action(), query.target(), query.cell(),
                time(query.from()), time(query.to()), query.before(), query.limit()});
        return pool.preparedQuery(PAGE).execute(params).map(AuditRepository::entries).toCompletionStage();
    }

    @Override
    public CompletionStage<Optional<AuditEntry>> find(long id) {
        return pool.preparedQuery(ONE).execute(Tuple.of(id))
                .map(rows -> entries(rows).stream().findFirst()).toCompletionStage();
    }

    private static OffsetDateTime time(Long epochMs) {
        return epochMs == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    private static List<AuditEntry> entries(RowSet<Row> rows) {
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object detail = row.getJson("detail");
            JsonObject json = detail instanceof JsonObject object ? object : new JsonObject(String.valueOf(detail));
            entries.add(new AuditEntry(row.getLong("id"), row.getOffsetDateTime("at").toInstant().toEpochMilli(),
                    row.getString("actor"), List.of(row.getArrayOfStrings("roles")), row.getString("address"),
                    row.getString("action"), row.getString("target"), row.getString("cell"), plainObject(json)));
        }
        return entries;
    }

    /** PostgreSQL text and jsonb cannot hold NUL (a note may): every text of the detail is made storable. */
    private static Map<String, Object> storable(Map<String, Object> detail) {
        Map<String, Object> copy = new LinkedHashMap<>();
        detail.forEach((key, value) -> copy.put(PgText.clean(key), storableValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked") // AuditEntry holds only maps with text keys
    private static Object storableValue(Object value) {
        if (value instanceof String text) {
            return PgText.clean(text);
        }
        if (value instanceof Map<?, ?> map) {
            return storable((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditRepository::storableValue).toList();
        }
        return value;
    }

    /** The detail as plain maps and lists (the parser may leave Vert.x JSON types inside). */
    private static Map<String, Object> plainObject(JsonObject json) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.getMap().forEach((key, value) -> map.put(key, plain(value)));
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            return plainObject(object);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        }
        if (value instanceof JsonArray array) {
            return plain(array.getList());
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        return value;
    }
}
