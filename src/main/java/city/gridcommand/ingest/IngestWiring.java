package city.gridcommand.ingest;

import city.gridcommand.store.CaseOpening;
import city.gridcommand.store.EventChangeRelay;
import city.gridcommand.store.PgBatchStore;
import city.gridcommand.store.StoreSettings;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the framework-free ingest core from typed configuration and the database pool. */
@ApplicationScoped
public class IngestWiring {

    @Produces
    @Singleton
    IngestCounters counters() {
        return new IngestCounters();
    }

    @Produces
    @Singleton
    WriteBehind writeBehind(IngestSettings settings, Pool pool, IngestCounters counters,
            CaseOpening opening, EventChangeRelay changes) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "grid-write-behind-retry");
            thread.setDaemon(true);
            return thread;
        });
        WriteBehind.Settings batching = new WriteBehind.Settings(settings.maxBatch(), settings.maxConcurrentWrites(),
                settings.capacity(), settings.maxRetryDelay(), settings.deadLetterPayloadBytes());
        return new WriteBehind(batching, new PgBatchStore(pool, opening, changes), counters, timer);
    }

    @Produces
    @Singleton
    IngestPipeline pipeline(IngestSettings settings, StoreSettings store, SenderRegistry registry,
            SignalPlacer placer, WriteBehind writeBehind, IngestCounters counters) {
        Duration retention = Duration.ofDays(store.retentionDays());
        Duration maxAge = settings.maxAge().compareTo(retention) < 0 ? settings.maxAge() : retention;
        IngestLimits limits = new IngestLimits(settings.maxPayloadBytes(), settings.maxFutureSkew(), maxAge);
        SignalDecoder decoder = new SignalDecoder(limits, System::currentTimeMillis);
        return new IngestPipeline(decoder, registry, settings.unknownSenders(), placer, writeBehind, counters,
                settings.deadLetterPayloadBytes());
    }
}
