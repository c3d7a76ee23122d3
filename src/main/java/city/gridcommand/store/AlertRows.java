package city.gridcommand.store;

import io.vertx.sqlclient.Row;
import java.util.List;

/** The alert tables' columns and their rows as records. */
final class AlertRows {

    static final String ALERT = "id, cell, cell_path, category, department, severity, reason, policy, "
            + "policy_body::text AS policy_body, step, round, state, next_step_at, step_at, opened_at, group_until, "
            + "update_pending, acked_by, acked_at, ack_channel, ended_at, end_reason, updated_at";
    static final String RECIPIENT = "id, person_id, step, round, kind, source, notified_at";
    static final String DELIVERY = "id, alert_id, person_id, channel, kind, state, attempts, next_attempt_at, "
            + "last_error, sent_at, sent_detail, created_at";

    private AlertRows() {
    }

    static StoredAlert alert(Row r) {
        return new StoredAlert(r.getUUID("id"), r.getString("cell"), List.of(r.getArrayOfStrings("cell_path")),
                r.getString("category"), r.getString("department"), r.getString("severity"), r.getString("reason"),
                r.getString("policy"), r.getString("policy_body"), r.getInteger("step"), r.getInteger("round"),
                r.getString("state"), r.getLong("next_step_at"), r.getLong("step_at"), r.getLong("opened_at"),
                r.getLong("group_until"), r.getBoolean("update_pending"), r.getString("acked_by"),
                r.getLong("acked_at"), r.getString("ack_channel"), r.getLong("ended_at"), r.getString("end_reason"),
                r.getLong("updated_at"));
    }

    static StoredAlertRecipient recipient(Row r) {
        return new StoredAlertRecipient(r.getLong("id"), r.getString("person_id"), r.getInteger("step"),
                r.getInteger("round"), r.getString("kind"), r.getString("source"), r.getLong("notified_at"));
    }

    static StoredAlertDelivery delivery(Row r) {
        return new StoredAlertDelivery(r.getLong("id"), r.getUUID("alert_id"), r.getString("person_id"),
                r.getString("channel"), r.getString("kind"), r.getString("state"), r.getInteger("attempts"),
                r.getLong("next_attempt_at"), r.getString("last_error"), r.getLong("sent_at"),
                r.getString("sent_detail"), r.getLong("created_at"));
    }
}
