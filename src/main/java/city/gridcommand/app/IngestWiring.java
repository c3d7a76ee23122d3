package city.gridcommand.app;

import city.gridcommand.alerts.AlertAcks;
import city.gridcommand.event.EventRaising;
import city.gridcommand.ingest.Admission;
import city.gridcommand.ingest.DeadLetterReplay;
import city.gridcommand.ingest.IngestCounters;
import city.gridcommand.ingest.IngestLimits;
import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.ingest.IngestSettings;
import city.gridcommand.ingest.SignalDecoder;
import city.gridcommand.ingest.StoredAlertAcks;
import city.gridcommand.ingest.WriteBehind;
import city.gridcommand.live.EventChangeRelay;
import city.gridcommand.live.LiveSignals;
import city.gridcommand.locate.CellPlacer;
import city.gridcommand.registry.SenderRegistry;
import city.gridcommand.rules.RuleJudge;
import city.gridcommand.store.DeadLetterRepository;
import city.gridcommand.store.PgBatchStore;
import city.gridcommand.store.StoreSettings;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Assembles the message path from its stages: decode, admit, locate, judge, write (the store, which
 * hands committed event changes to the relay that publishes them); live screens are told of the worker
 * positions and device statuses placed on the way (LiveSignals, on every instance), and the alerts of each
 * stored alert ack.
 */
@ApplicationScoped
public class IngestWiring {

    @Produces
    @Singleton
    IngestCounters counters() {
        return new IngestCounters();
    }

    @Produces
    @Singleton
    WriteBehind writeBehind(IngestSettings settings, Pool pool, IngestCounters counters, EventRaising raising,
            EventChangeRelay relay, AlertAcks alerts) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "grid-write-behind-retry");
            thread.setDaemon(true);
            return thread;
        });
        // A refused row's dead letter keeps the whole message (it is within the payload limit) to be replayed.
        WriteBehind.Settings batching = new WriteBehind.Settings(settings.maxBatch(), settings.maxConcurrentWrites(),
                settings.capacity(), settings.maxRetryDelay(), settings.maxPayloadBytes());
        // an alert ack on a terminal's acks topic stops the alert's chain once it is stored
        StoredAlertAcks alertAcks = ack -> alerts.ack(ack.alertId(), ack.senderId(), "mqtt", ack.receivedAt());
        return new WriteBehind(batching, new PgBatchStore(pool, raising, relay), counters, timer, alertAcks);
    }

    @Produces
    @Singleton
    IngestPipeline pipeline(IngestSettings settings, StoreSettings store, SenderRegistry registry, CellPlacer cells,
            RuleJudge rules, WriteBehind writeBehind, IngestCounters counters, LiveSignals live) {
        Duration retention = Duration.ofDays(store.retentionDays());
        Duration maxAge = settings.maxAge().compareTo(retention) < 0 ? settings.maxAge() : retention;
        IngestLimits limits = new IngestLimits(settings.maxPayloadBytes(), settings.maxFutureSkew(), maxAge);
        SignalDecoder decoder = new SignalDecoder(limits, System::currentTimeMillis);
        return new IngestPipeline(decoder, new Admission(registry, settings.unknownSenders()), cells::place,
                rules::judge, writeBehind, counters, settings.deadLetterPayloadBytes(), live);
    }

    @Produces
    @Singleton
    DeadLetterReplay replay(DeadLetterRepository deadLetters, IngestPipeline pipeline, IngestCounters counters) {
        return new DeadLetterReplay(deadLetters, pipeline, counters, System::currentTimeMillis);
    }
}
