package city.gridcommand.store;

import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.EventMemory;
import city.gridcommand.alerts.Grouping;
import city.gridcommand.alerts.AlertState;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import city.gridcommand.signal.Severity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of one alerts transaction ({@link AlertRepository#inTransaction}), each waited for: called
 * from a thread that may block (the alerts' own threads, scheduled jobs), never from an event loop.
 */
public final class AlertWork {

    /** The cursor row, locked for this transaction. */
    public record Cursor(String epoch, long seq) {
    }

    /** An ack of an alert found in {@code worker_ack}, by a person the alert was sent to. */
    public record StoredAck(String workerId, long receivedAt) {
    }

    private final SqlConnection connection;
    private boolean failed;

    AlertWork(SqlConnection connection) {
        this.connection = connection;
    }

    private RowSet<Row> run(String sql, Tuple params) {
        return await(connection.preparedQuery(sql).execute(params));
    }

    /** Every statement is waited for here: a failure marks the transaction failed until a savepoint undoes it. */
    private <T> T await(Future<T> future) {
        try {
            return Await.result(future.toCompletionStage());
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Whether a statement failed since the transaction began, or since the last rollback to the savepoint. */
    boolean failed() {
        return failed;
    }

    // --- the change log and the cursor

    /** The cursor, locked; empty when another instance holds it (it is handling a page now). */
    public Optional<Cursor> lockCursor() {
        RowSet<Row> rows = run("SELECT epoch::text AS epoch, seq FROM alert_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED",
                Tuple.tuple());
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new Cursor(row.getString("epoch"), row.getLong("seq")));
    }

    public LogPosition logPosition() {
        Row row = run("SELECT epoch::text, seq FROM change_log WHERE id = 1", Tuple.tuple()).iterator().next();
        return new LogPosition(row.getString(0), row.getLong(1));
    }

    public ChangePage changesAfter(long seq, int limit) {
        return ChangeLogReader.page(seq, run(ChangeLogReader.EVERYTHING, Tuple.of(seq, limit)));
    }

    public void moveCursor(String epoch, long seq) {
        run("UPDATE alert_cursor SET epoch = $1::uuid, seq = $2 WHERE id = 1", Tuple.of(epoch, seq));
    }

    // --- what the alerts remember of events

    public Map<String, EventMemory> memories(Collection<UUID> events) {
        Map<String, EventMemory> found = new HashMap<>();
        if (events.isEmpty()) {
            return found;
        }
        for (Row r : run("SELECT event_id, severity, overdue, rework_count, state FROM alert_event_memory "
                + "WHERE event_id = ANY ($1)", Tuple.of(events.toArray(UUID[]::new)))) {
            String id = r.getUUID("event_id").toString();
            found.put(id, new EventMemory(id, Severity.valueOf(r.getString("severity")), r.getBoolean("overdue"),
                    r.getInteger("rework_count"), r.getString("state")));
        }
        return found;
    }

    public void remember(Collection<EventMemory> memories, long now) {
        if (memories.isEmpty()) {
            return;
        }
        List<Tuple> rows = new ArrayList<>();
        for (EventMemory m : memories) {
            rows.add(Tuple.of(UUID.fromString(m.eventId()), m.severity().name(), m.overdue(), m.reworkCount(),
                    m.state(), now));
        }
        await(connection.preparedQuery("""
                INSERT INTO alert_event_memory (event_id, severity, overdue, rework_count, state, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (event_id) DO UPDATE SET severity = EXCLUDED.severity, overdue = EXCLUDED.overdue,
                    rework_count = EXCLUDED.rework_count, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at""")
                .executeBatch(rows));
    }

    // --- alerts

    /** Ends the open alerts of an event; how many there were. */
    public int endAlertsOfEvent(UUID event, String endReason, long now) {
        return run("""
                UPDATE alert SET state = 'resolved', next_step_at = NULL, ended_at = $2, end_reason = $3, updated_at = $2
                WHERE state = 'open' AND id IN (SELECT alert_id FROM alert_event WHERE event_id = $1)""",
                Tuple.of(event, now, endReason)).rowCount();
    }

    /** The cell's youngest open alert still taking raises at {@code now}, locked; null when none. */
    public Grouping.OpenAlert openAlertInCell(String cell, long now) {
        RowSet<Row> rows = run("SELECT id, policy, state, group_until FROM alert WHERE cell = $1 AND state = 'open' "
                + "AND group_until > $2 ORDER BY opened_at DESC LIMIT 1 FOR UPDATE", Tuple.of(cell, now));
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row r = rows.iterator().next();
        return new Grouping.OpenAlert(r.getUUID("id").toString(), r.getString("policy"),
                AlertState.fromWire(r.getString("state")), r.getLong("group_until"));
    }

    public void insertAlert(NewAlert a) {
        run("""
                INSERT INTO alert (id, cell, cell_path, category, department, severity, reason, policy, policy_body, step,
                    round, state, next_step_at, step_at, opened_at, group_until, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $13, $14, $13)""",
                Tuple.from(new Object[] {a.id(), a.cell(), a.cellPath().toArray(String[]::new), a.category(),
                        a.department(), a.severity(), a.reason(), a.policy(), new JsonObject(a.policyBody()), a.step(),
                        a.round(), a.nextStepAt(), a.openedAt(), a.groupUntil()}));
    }

    /** Adds an event to an alert; {@code joined}: it joined an open alert, whose people get an update. */
    public void addEvent(UUID alert, UUID event, String reason, long now, boolean joined) {
        run("INSERT INTO alert_event (alert_id, event_id, reason, added_at) VALUES ($1, $2, $3, $4) "
                + "ON CONFLICT DO NOTHING", Tuple.of(alert, event, reason, now));
        if (joined) {
            run("UPDATE alert SET update_pending = true, updated_at = $2 WHERE id = $1", Tuple.of(alert, now));
        }
    }

    public StoredAlert alert(UUID id) {
        RowSet<Row> rows = run("SELECT " + AlertRows.ALERT + " FROM alert WHERE id = $1", Tuple.of(id));
        return rows.iterator().hasNext() ? AlertRows.alert(rows.iterator().next()) : null;
    }

    /** The alert's state, the row locked; null when there is no such alert. */
    public AlertState lockState(UUID id) {
        RowSet<Row> rows = run("SELECT state FROM alert WHERE id = $1 FOR UPDATE", Tuple.of(id));
        return rows.iterator().hasNext() ? AlertState.fromWire(rows.iterator().next().getString(0)) : null;
    }

    /** Open alerts whose step is due, locked; those another instance holds are skipped. */
    public List<StoredAlert> lockDueSteps(long now, int limit) {
        List<StoredAlert> due = new ArrayList<>();
        run("SELECT " + AlertRows.ALERT + " FROM alert WHERE state = 'open' AND next_step_at <= $1 "
                + "ORDER BY next_step_at LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(now, limit))
                .forEach(r -> due.add(AlertRows.alert(r)));
        return due;
    }

    /** Open alerts that took more events and whose group window has ended, locked. */
    public List<StoredAlert> lockDueUpdates(long now, int limit) {
        List<StoredAlert> due = new ArrayList<>();
        run("SELECT " + AlertRows.ALERT + " FROM alert WHERE update_pending AND group_until <= $1 "
                + "ORDER BY group_until LIMIT $2 FOR UPDATE SKIP LOCKED", Tuple.of(now, limit))
                .forEach(r -> due.add(AlertRows.alert(r)));
        return due;
    }

    public void updateSent(UUID alert, long now) {
        run("UPDATE alert SET update_pending = false, updated_at = $2 WHERE id = $1", Tuple.of(alert, now));
    }

    public void moveAlert(UUID alert, int step, int round, long stepAt, long nextStepAt) {
        run("UPDATE alert SET step = $2, round = $3, step_at = $4, next_step_at = $5, updated_at = $4 WHERE id = $1",
                Tuple.of(alert, step, round, stepAt, nextStepAt));
    }

    public void endAlert(UUID alert, String state, String endReason, long now) {
        run("UPDATE alert SET state = $2, end_reason = $3, ended_at = $4, next_step_at = NULL, update_pending = false, "
                + "updated_at = $4 WHERE id = $1 AND state = 'open'", Tuple.of(alert, state, endReason, now));
    }

    /** Acks an open alert; false when it was not open. */
    public boolean ack(UUID alert, String person, String channel, long at, long now) {
        return run("UPDATE alert SET state = 'acked', acked_by = $2, ack_channel = $3, acked_at = $4, ended_at = $5, "
                + "end_reason = 'acked', next_step_at = NULL, updated_at = $5 WHERE id = $1 AND state = 'open'",
                Tuple.of(alert, person, channel, at, now)).rowCount() == 1;
    }

    /** The first ack of the alert stored by ingest from a person it was sent to, if any. */
    public Optional<StoredAck> storedAck(UUID alert) {
        RowSet<Row> rows = run("""
                SELECT w.worker_id, w.received_at FROM worker_ack w
                WHERE w.alert_id = $1 AND EXISTS (SELECT 1 FROM alert_recipient r
                    WHERE r.alert_id = $2 AND r.person_id = w.worker_id AND r.kind = 'alert')
                ORDER BY w.received_at LIMIT 1""", Tuple.of(alert.toString(), alert));
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new StoredAck(r.getString("worker_id"), r.getLong("received_at")));
    }

    // --- the events of an alert

    public List<StoredEvent> eventsOf(UUID alert) {
        List<StoredEvent> events = new ArrayList<>();
        run("SELECT " + prefixed("e.", EventRows.COLUMNS) + " FROM alert_event a JOIN event e ON e.id = a.event_id "
                + "WHERE a.alert_id = $1 ORDER BY a.added_at, e.id", Tuple.of(alert))
                .forEach(r -> events.add(EventRows.event(r)));
        return events;
    }

    private static String prefixed(String prefix, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(prefix).append(column.trim());
        }
        return out.toString();
    }

    // --- recipients and deliveries

    /** The recipient's row id, or -1 when the person was already told this (same step, round and kind). */
    public long addRecipient(UUID alert, String person, int step, int round, String kind, String source, long now) {
        RowSet<Row> rows = run("INSERT INTO alert_recipient (alert_id, person_id, step, round, kind, source, notified_at) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id",
                Tuple.from(new Object[] {alert, person, step, round, kind, source, now}));
        return rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : -1;
    }

    /** The people alerted ({@code alert} kind) in a round, or at one step of it ({@code step} 0: any). */
    public Set<String> alerted(UUID alert, int round, int step) {
        Set<String> people = new LinkedHashSet<>();
        run("SELECT person_id FROM alert_recipient WHERE alert_id = $1 AND round = $2 AND ($3 = 0 OR step = $3) "
                + "AND kind = 'alert' ORDER BY id", Tuple.of(alert, round, step))
                .forEach(r -> people.add(r.getString(0)));
        return people;
    }

    /** Everyone alerted by the alert in any round. */
    public Set<String> everyoneAlerted(UUID alert) {
        Set<String> people = new LinkedHashSet<>();
        run("SELECT DISTINCT person_id FROM alert_recipient WHERE alert_id = $1 AND kind = 'alert' ORDER BY person_id",
                Tuple.of(alert)).forEach(r -> people.add(r.getString(0)));
        return people;
    }

    public boolean isRecipient(UUID alert, String person) {
        return run("SELECT 1 FROM alert_recipient WHERE alert_id = $1 AND person_id = $2 AND kind = 'alert' LIMIT 1",
                Tuple.of(alert, person)).iterator().hasNext();
    }

    public long addDelivery(long recipient, UUID alert, String person, String channel, String kind, long dueAt,
            String body, long now) {
        return run("INSERT INTO alert_delivery (recipient_id, alert_id, person_id, channel, kind, state, next_attempt_at, "
                + "created_at, body) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8) RETURNING id",
                Tuple.from(new Object[] {recipient, alert, person, channel, kind, dueAt, now, body}))
                .iterator().next().getLong(0);
    }

    /**
     * Cancels the due deliveries whose alert was acked or resolved before their turn, then claims up to
     * {@code limit} due ones (of {@code ids} only, when given), skipping those another instance holds: each
     * becomes {@code sending}, its try counted, until {@code claimUntil} (past it, a try that never reported
     * back is due again). The claim is committed before anything is sent, so no row stays locked while a
     * channel works.
     */
    public List<AlertDelivery> claimDueDeliveries(long now, int limit, List<Long> ids, long claimUntil) {
        Long[] only = ids == null ? null : ids.toArray(Long[]::new);
        run("UPDATE alert_delivery d SET state = 'cancelled', next_attempt_at = NULL, "
                + "last_error = 'not sent: the alert was ' || a.state || ' before its turn' FROM alert a "
                + "WHERE a.id = d.alert_id AND a.state IN ('acked', 'resolved') AND d.state IN ('pending', 'retry') "
                + "AND d.next_attempt_at <= $1 AND ($2::bigint[] IS NULL OR d.id = ANY ($2))",
                Tuple.tuple().addLong(now).addArrayOfLong(only));
        List<AlertDelivery> claimed = new ArrayList<>();
        run("WITH due AS (SELECT id FROM alert_delivery WHERE state IN ('pending', 'retry', 'sending') "
                + "AND next_attempt_at <= $1 AND ($3::bigint[] IS NULL OR id = ANY ($3)) "
                + "ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) "
                + "UPDATE alert_delivery d SET state = 'sending', attempts = d.attempts + 1, next_attempt_at = $4 "
                + "FROM due WHERE d.id = due.id RETURNING d.id, d.alert_id, d.person_id, d.channel, d.kind, d.attempts, d.body",
                Tuple.of(now, limit, only, claimUntil))
                .forEach(r -> claimed.add(new AlertDelivery(r.getLong("id"), r.getUUID("alert_id").toString(),
                        r.getString("person_id"), r.getString("channel"), r.getString("kind"),
                        r.getInteger("attempts"), r.getString("body"))));
        claimed.sort(java.util.Comparator.comparingLong(AlertDelivery::id));
        return claimed;
    }

    /**
     * Records how try {@code attempt} of a claimed delivery went: its new state, when the next try goes, why
     * it failed, when it went. False when the claim had lapsed and another try took it over meanwhile.
     */
    public boolean recordTry(long delivery, int attempt, String state, Long nextAttemptAt, String error, Long sentAt) {
        return run("UPDATE alert_delivery SET state = $3, next_attempt_at = $4, last_error = $5, sent_at = $6 "
                + "WHERE id = $1 AND state = 'sending' AND attempts = $2",
                Tuple.from(new Object[] {delivery, attempt, state, nextAttemptAt, error, sentAt})).rowCount() == 1;
    }

    /**
     * Records that try {@code attempt} of a claimed delivery was handed over at {@code sentAt}, with what the
     * channel said ({@code detail}: the terminal's {@code PUBACK <topic>} names where it went). False when the
     * claim had lapsed and another try took it over meanwhile.
     */
    public boolean recordSent(long delivery, int attempt, String detail, long sentAt) {
        return run("UPDATE alert_delivery SET state = 'sent', next_attempt_at = NULL, last_error = NULL, "
                + "sent_at = $3, sent_detail = $4 WHERE id = $1 AND state = 'sending' AND attempts = $2",
                Tuple.of(delivery, attempt, sentAt, detail)).rowCount() == 1;
    }

    /** Marks where the statements of one change begin, to undo them alone. */
    public void savepoint() {
        run("SAVEPOINT alert_change", Tuple.tuple());
    }

    /** Undoes the statements since {@link #savepoint()}, keeping the rest of the transaction. */
    public void rollbackToSavepoint() {
        run("ROLLBACK TO SAVEPOINT alert_change", Tuple.tuple());
        failed = false;
    }

    /** Keeps a change the alerts could not judge, with why, where an operator sees it. */
    public void recordFailedChange(long seq, UUID event, String error, long now) {
        run("INSERT INTO alert_failed_change (seq, event_id, error, at) VALUES ($1, $2, $3, $4) "
                + "ON CONFLICT (seq) DO UPDATE SET error = excluded.error, at = excluded.at",
                Tuple.of(seq, event, error.length() > 2000 ? error.substring(0, 2000) : error, now));
    }

    /** A delivery's state ({@code pending}, {@code sending}, …); for tests and the API's detail. */
    public String deliveryState(long delivery) {
        return run("SELECT state FROM alert_delivery WHERE id = $1", Tuple.of(delivery)).iterator().next().getString(0);
    }

    /** Why a delivery's last try failed, or why it was not sent; null when nothing went wrong. */
    public String deliveryError(long delivery) {
        return run("SELECT last_error FROM alert_delivery WHERE id = $1", Tuple.of(delivery)).iterator().next()
                .getString(0);
    }

    // --- whom a step notifies

    /** Workers of {@code role} assigned to {@code cell}, by id. */
    public List<Worker> workersAssigned(String cell, WorkerRole role) {
        List<Worker> workers = new ArrayList<>();
        run("SELECT id, name, role, cells, department, phone, gateway_id FROM worker WHERE role = $1 AND $2 = ANY (cells) ORDER BY id",
                Tuple.of(role.wireName(), cell)).forEach(r -> workers.add(new Worker(r.getString("id"),
                        r.getString("name"), WorkerRole.fromWire(r.getString("role")),
                        List.of(r.getArrayOfStrings("cells")), r.getString("department"), r.getString("phone"),
                        r.getString("gateway_id"))));
        return workers;
    }
}
