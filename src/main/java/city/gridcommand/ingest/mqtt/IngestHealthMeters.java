package city.gridcommand.ingest.mqtt;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The health of ingest's broker connections as Prometheus metrics, next to the counters of
 * {@link IngestMetrics}: whether ingest flows (the same verdict as the {@code ingest} health group), how
 * often connecting failed and feeds were refused, and the payload bytes held against their capacity.
 * Read when scraped.
 */
final class IngestHealthMeters {

    private IngestHealthMeters() {
    }

    /** Registers the meters; once, when the connections are made. */
    static void register(MeterRegistry registry, MqttIngestLifecycle ingest) {
        Gauge.builder("grid.ingest.up", ingest, i -> i.healthy() ? 1 : 0)
                .description("1 while every broker connection has its feeds subscribed and writes are not stalled")
                .register(registry);
        Gauge.builder("grid.ingest.connections.up", ingest,
                        i -> i.connectionHealth().stream().filter(ConnectionHealth::healthy).count())
                .description("broker connections with a session and every feed subscribed").register(registry);
        FunctionCounter.builder("grid.ingest.connect.failures", ingest,
                        i -> i.connectionHealth().stream().mapToLong(ConnectionHealth::connectFailures).sum())
                .description("attempts to connect to the broker that ended without a session").register(registry);
        FunctionCounter.builder("grid.ingest.subscriptions.refused", ingest,
                        i -> i.connectionHealth().stream().mapToLong(ConnectionHealth::subscriptionsRefused).sum())
                .description("feeds the broker refused to subscribe (each is asked for again)").register(registry);
        Gauge.builder("grid.ingest.inflight.bytes", ingest, MqttIngestLifecycle::heldBytes)
                .description("payload bytes taken in and not yet acknowledged").register(registry);
        Gauge.builder("grid.ingest.capacity.bytes", ingest, i -> i.ingestSettings().capacityBytes())
                .description("most payload bytes held unacknowledged").register(registry);
    }
}
