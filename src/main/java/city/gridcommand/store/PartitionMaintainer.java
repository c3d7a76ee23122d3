package city.gridcommand.store;

import io.quarkus.scheduler.Scheduled;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the daily partitions of telemetry and worker positions: creates those ahead of today and drops
 * those past retention. Runs before ingest starts and then every hour; safe to run on every instance
 * at once ({@code IF NOT EXISTS}, and a drop of a table already gone is skipped).
 */
@ApplicationScoped
public class PartitionMaintainer {

    private static final Logger LOG = Logger.getLogger(PartitionMaintainer.class);
    static final List<String> PARTITIONED = List.of("telemetry", "worker_position");

    private final Pool pool;
    private final StoreSettings settings;

    PartitionMaintainer(Pool pool, StoreSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.HOURS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        maintain();
    }

    /** Creates the wanted partitions and drops expired ones; blocks, so never call it on an event loop. */
    public void maintain() {
        List<DailyPartitions.Day> wanted = DailyPartitions.wanted(System.currentTimeMillis(),
                settings.retentionDays(), settings.partitionsAhead());
        for (String table : PARTITIONED) {
            for (DailyPartitions.Day day : wanted) {
                Await.result(pool.query("CREATE TABLE IF NOT EXISTS " + day.nameFor(table) + " PARTITION OF " + table
                        + " FOR VALUES FROM (" + day.fromMs() + ") TO (" + day.toMs() + ")").execute()
                        .toCompletionStage());
            }
            dropExpired(table, wanted);
        }
    }

    private void dropExpired(String table, List<DailyPartitions.Day> wanted) {
        for (Row row : Await.result(pool.preparedQuery("""
                SELECT c.relname FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = $1""").execute(Tuple.of(table)).toCompletionStage())) {
            String name = row.getString(0);
            if (DailyPartitions.isExpired(table, name, wanted)) {
                LOG.infof("dropping partition %s: past the %d-day retention", name, settings.retentionDays());
                Await.result(pool.query("DROP TABLE IF EXISTS " + name).execute().toCompletionStage());
            }
        }
    }
}
