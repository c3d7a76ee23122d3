package city.gridcommand.store;

import java.util.List;

/**
 * What is pruned, by which column, after how many days: every table that grows with the city's traffic
 * and is not partitioned by day. Pure, so the plan is tested without a database. Rows are pruned by when
 * they arrived ({@code received_at}), never by the device's clock; the change log by when the change
 * was made.
 */
public record Retention(String table, String column, int days) {

    private static final long DAY_MS = 86_400_000L;

    public Retention {
        if (days < 1) {
            throw new IllegalArgumentException(table + ": keep at least one day, not " + days);
        }
    }

    /** Rows older than this (epoch ms) are pruned. */
    public long cutoff(long nowMs) {
        return nowMs - days * DAY_MS;
    }

    /** The plan for the settings; the partitioned tables' default partitions are pruned by {@code ts}. */
    public static List<Retention> of(StoreSettings settings) {
        int signals = settings.retentionDays();
        return List.of(
                new Retention("detection", "received_at", signals),
                new Retention("device_status", "received_at", signals),
                new Retention("worker_ack", "received_at", signals),
                new Retention("worker_cell_change", "ts", signals),
                new Retention("telemetry_default", "ts", signals),
                new Retention("worker_position_default", "ts", signals),
                new Retention("worker_report", "received_at", settings.reportRetentionDays()),
                new Retention("dead_letter", "received_at", settings.deadLetterRetentionDays()),
                new Retention("event_change", "at", settings.changeLogRetentionDays()),
                // alerts are kept as long as reports: who was told of what, and who answered (V12; their
                // events, recipients and deliveries go with them)
                new Retention("alert", "opened_at", settings.reportRetentionDays()),
                new Retention("alert_event_memory", "updated_at", settings.reportRetentionDays()),
                new Retention("alert_failed_change", "at", settings.deadLetterRetentionDays()));
    }
}
