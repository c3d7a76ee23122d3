package city.gridcommand.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the store from trapping or filling: creates the daily partitions of telemetry and worker
 * positions ahead of today (moving any rows of that day out of the default partition first, so a missed
 * day never blocks its partition), drops partitions past retention, and prunes every other growing table
 * ({@link Retention}). Runs in the start-up sequence and then every {@code grid.store.maintenance-every}.
 * Each step that fails is logged and counted ({@code grid.store.maintenance.failures}) and tried again at
 * the next run; nothing here ever stops start-up or ingest. Safe on every instance at once.
 */
@ApplicationScoped
public class PartitionMaintainer {

    private static final Logger LOG = Logger.getLogger(PartitionMaintainer.class);
    static final List<String> PARTITIONED = List.of("telemetry", "worker_position");
    /** Rows deleted per statement, so pruning never holds long locks or a huge transaction. */
    static final int PRUNE_CHUNK = 10_000;

    private final Pool pool;
    private final StoreSettings settings;
    private final MeterRegistry meters;

    PartitionMaintainer(Pool pool, StoreSettings settings, MeterRegistry meters) {
        this.pool = pool;
        this.settings = settings;
        this.meters = meters;
    }

    @Scheduled(every = "${grid.store.maintenance-every}", delayed = "${grid.store.maintenance-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        maintain();
    }

    /** Creates, drops and prunes; returns how many steps failed. Blocks: never call it on an event loop. */
    public int maintain() {
        long now = System.currentTimeMillis();
        List<DailyPartitions.Day> wanted = DailyPartitions.wanted(now, settings.retentionDays(),
                settings.partitionsAhead());
        int failures = 0;
        for (String table : PARTITIONED) {
            Set<String> existing;
            try {
                existing = partitionsOf(table);
            } catch (RuntimeException e) {
                failures += failed(table, "list its partitions", e);
                continue;
            }
            for (DailyPartitions.Day day : wanted) {
                if (!existing.contains(day.nameFor(table))) {
                    failures += step(table, "create partition " + day.nameFor(table), () -> create(table, day));
                }
            }
            for (String name : existing) {
                if (DailyPartitions.isExpired(table, name, wanted)) {
                    failures += step(table, "drop partition " + name, () -> drop(name));
                }
            }
        }
        for (Retention retention : Retention.of(settings)) {
            failures += step(retention.table(), "prune", () -> prune(retention, now));
        }
        return failures;
    }

    private Set<String> partitionsOf(String table) {
        Set<String> names = new HashSet<>();
        for (Row row : Await.result(pool.preparedQuery("""
                SELECT c.relname FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = $1""").execute(Tuple.of(table)).toCompletionStage())) {
            names.add(row.getString(0));
        }
        return names;
    }

    /**
     * The day's partition as a table of its own, filled with the day's rows taken out of the default
     * partition, then attached; in one transaction, with the default partition locked so no row of that
     * day can slip in between (inserts of other days are routed to their own partitions meanwhile).
     */
    private void create(String table, DailyPartitions.Day day) {
        String partition = day.nameFor(table);
        String range = "ts >= " + day.fromMs() + " AND ts < " + day.toMs();
        Await.result(pool.withTransaction(connection -> connection
                .query("LOCK TABLE " + table + "_default IN ACCESS EXCLUSIVE MODE").execute()
                .compose(v -> connection.query("CREATE TABLE " + partition + " (LIKE " + table
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").execute())
                .compose(v -> connection.query("INSERT INTO " + partition + " SELECT * FROM " + table
                        + "_default WHERE " + range).execute())
                .compose(moved -> {
                    if (moved.rowCount() > 0) {
                        LOG.warnf("moved %d rows of %s out of the default partition into %s", moved.rowCount(),
                                day.date(), partition);
                    }
                    return connection.query("DELETE FROM " + table + "_default WHERE " + range).execute();
                })
                .compose(v -> connection.query("ALTER TABLE " + table + " ATTACH PARTITION " + partition
                        + " FOR VALUES FROM (" + day.fromMs() + ") TO (" + day.toMs() + ")").execute()))
                .toCompletionStage());
    }

    private void drop(String partition) {
        LOG.infof("dropping partition %s: past the %d-day retention", partition, settings.retentionDays());
        Await.result(pool.query("DROP TABLE IF EXISTS " + partition).execute().toCompletionStage());
    }

    /** Deletes rows past retention a chunk at a time, each chunk its own short statement. */
    private void prune(Retention retention, long now) {
        String sql = "DELETE FROM " + retention.table() + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
                + retention.table() + " WHERE " + retention.column() + " < $1 LIMIT " + PRUNE_CHUNK + "))";
        long total = 0;
        int deleted;
        do {
            deleted = Await.result(pool.preparedQuery(sql).execute(Tuple.of(retention.cutoff(now)))
                    .toCompletionStage()).rowCount();
            total += deleted;
        } while (deleted == PRUNE_CHUNK);
        if (total > 0) {
            LOG.infof("pruned %d rows of %s older than %d days", total, retention.table(), retention.days());
        }
    }

    private int step(String table, String what, Runnable action) {
        try {
            action.run();
            return 0;
        } catch (RuntimeException e) {
            return failed(table, what, e);
        }
    }

    private int failed(String table, String what, RuntimeException e) {
        LOG.errorf("store maintenance could not %s (%s): %s; trying again at the next run", what, table,
                e.getMessage());
        Counter.builder("grid.store.maintenance.failures").tag("table", table)
                .description("store maintenance steps (partitions, retention) that failed").register(meters)
                .increment();
        return 1;
    }
}
