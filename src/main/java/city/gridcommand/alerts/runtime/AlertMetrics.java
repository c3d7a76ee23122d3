package city.gridcommand.alerts.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The alerts' counters on this instance: {@code grid_alerts_raised_total} (alerts opened),
 * {@code grid_alert_deliveries_total{channel,outcome}} (tries: sent, retry, failed),
 * {@code grid_alert_deliveries_dead_total} (deliveries given up on), {@code grid_alert_acks_total{channel}}.
 */
@ApplicationScoped
public class AlertMetrics {

    private final MeterRegistry registry;
    private final Counter raised;
    private final Counter dead;
    private final Counter changesFailed;

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.raised = Counter.builder("grid.alerts.raised").description("Alerts opened").register(registry);
        this.changesFailed = Counter.builder("grid.alerts.changes.failed")
                .description("Changes of the log the alerts could not judge (kept in alert_failed_change, skipped)")
                .register(registry);
        this.dead = Counter.builder("grid.alert.deliveries.dead").description("Alert deliveries given up on")
                .register(registry);
    }

    void raised() {
        raised.increment();
    }

    void tried(String channel, String outcome) {
        Counter.builder("grid.alert.deliveries").description("Tries of alert deliveries by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    void changeFailed() {
        changesFailed.increment();
    }

    void dead() {
        dead.increment();
    }

    void acked(String channel) {
        Counter.builder("grid.alert.acks").description("Alerts acknowledged, by channel").tag("channel", channel)
                .register(registry).increment();
    }
}
