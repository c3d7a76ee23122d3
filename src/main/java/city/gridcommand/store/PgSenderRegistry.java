package city.gridcommand.store;

import city.gridcommand.ingest.SenderRegistry;
import city.gridcommand.signal.SignalSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * The registered devices and workers, held in memory so the hot path never asks the database;
 * reloaded every few seconds so a newly registered sender is accepted soon after.
 */
@ApplicationScoped
public class PgSenderRegistry implements SenderRegistry {

    private final Pool pool;
    private volatile Set<String> devices = Set.of();
    private volatile Set<String> workers = Set.of();

    PgSenderRegistry(Pool pool) {
        this.pool = pool;
    }

    @Override
    public boolean isRegistered(SignalSource source, String senderId) {
        return switch (source) {
            case WORKER_LOCATION, WORKER_REPORT, WORKER_ACK -> workers.contains(senderId);
            case TELEMETRY, DETECTION, DEVICE_STATUS -> devices.contains(senderId);
            case UNKNOWN -> false;
        };
    }

    /** Reloads both sets; blocking. */
    @Scheduled(every = "${grid.ingest.registry-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        devices = ids("SELECT id FROM device");
        workers = ids("SELECT id FROM worker");
    }

    private Set<String> ids(String sql) {
        Set<String> ids = new HashSet<>();
        for (Row row : pool.query(sql).execute().await().indefinitely()) {
            ids.add(row.getString(0));
        }
        return Set.copyOf(ids);
    }
}
