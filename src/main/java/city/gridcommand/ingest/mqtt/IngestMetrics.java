package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.IngestCounters;
import city.gridcommand.ingest.Pressure;
import city.gridcommand.ingest.RejectReason;
import city.gridcommand.ingest.WriteBehind;
import city.gridcommand.signal.SignalSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes the ingest counters as Prometheus metrics at {@code /q/metrics}: the same numbers as
 * {@code /api/v1/stats/ingest}, read from the counters when scraped (nothing extra on the hot path).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final IngestCounters counters;
    private final WriteBehind writeBehind;

    IngestMetrics(MeterRegistry registry, IngestCounters counters, WriteBehind writeBehind) {
        this.registry = registry;
        this.counters = counters;
        this.writeBehind = writeBehind;
    }

    /** Registers the meters; once, at start. */
    public void register() {
        for (SignalSource source : SignalSource.values()) {
            String tag = source.label();
            FunctionCounter.builder("grid.ingest.received", counters, c -> c.receivedOf(source))
                    .tag("source", tag).description("messages taken from the broker (a gateway's readings each)")
                    .register(registry);
            if (source.isGatewayFeed()) {
                FunctionCounter.builder("grid.ingest.gateway.messages", counters, c -> c.gatewayMessagesOf(source))
                        .tag("source", tag).description("messages taken from gateways' topics").register(registry);
            }
            FunctionCounter.builder("grid.ingest.processed", counters, c -> c.processedOf(source))
                    .tag("source", tag).description("signals stored as new").register(registry);
            FunctionCounter.builder("grid.ingest.duplicates", counters, c -> c.duplicatesOf(source))
                    .tag("source", tag).description("redelivered duplicates recognised").register(registry);
            FunctionCounter.builder("grid.ingest.outside", counters, c -> c.outsideOf(source))
                    .tag("source", tag).description("signals in no base cell").register(registry);
            FunctionCounter.builder("grid.ingest.unplaced", counters, c -> c.unplacedOf(source))
                    .tag("source", tag).description("signals with no known position").register(registry);
            FunctionCounter.builder("grid.ingest.redelivered", counters, c -> c.redeliveredOf(source))
                    .tag("source", tag).description("messages handed back to the broker, not durable")
                    .register(registry);
            for (RejectReason reason : RejectReason.values()) {
                FunctionCounter.builder("grid.ingest.rejected", counters, c -> c.rejectedOf(source, reason))
                        .tag("source", tag).tag("reason", reason.code())
                        .description("messages dead-lettered").register(registry);
            }
        }
        FunctionCounter.builder("grid.ingest.replayed", counters, IngestCounters::replayed)
                .description("dead letters replayed through the message path").register(registry);
        FunctionCounter.builder("grid.ingest.unknown.kinds", counters, c -> c.unknownKindsOf(SignalSource.DETECTION))
                .description("detections of kinds the rules do not know").register(registry);
        Gauge.builder("grid.ingest.inflight", writeBehind, WriteBehind::outstanding)
                .description("messages taken in and not yet acknowledged").register(registry);
        Gauge.builder("grid.ingest.capacity", writeBehind, w -> w.settings().capacity())
                .description("most messages held unacknowledged").register(registry);
        for (Pressure pressure : Pressure.values()) {
            Gauge.builder("grid.ingest.backpressure", writeBehind, w -> w.pressure() == pressure ? 1 : 0)
                    .tag("state", pressure.name()).description("1 for the current back-pressure state")
                    .register(registry);
        }
    }
}
