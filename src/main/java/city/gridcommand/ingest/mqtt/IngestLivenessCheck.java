package city.gridcommand.ingest.mqtt;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Fails liveness once an ingest connection has had no session with the broker for
 * {@code grid.mqtt.liveness-timeout}, so that the orchestrator restarts an instance whose ingest does not
 * recover by itself. Until then a lost broker shows only in the {@code ingest} health group: the
 * connection retries with back-off, and the REST API stays in service.
 */
@Liveness
@HealthGroup(IngestHealthCheck.GROUP)
@ApplicationScoped
public class IngestLivenessCheck implements HealthCheck {

    private final MqttIngestLifecycle ingest;

    IngestLivenessCheck(MqttIngestLifecycle ingest) {
        this.ingest = ingest;
    }

    @Override
    public HealthCheckResponse call() {
        Duration limit = ingest.mqttSettings().livenessTimeout();
        long without = ingest.longestWithoutSessionMillis();
        boolean alive = limit.isZero() || without < limit.toMillis();
        return HealthCheckResponse.named("MQTT ingest reaches the broker")
                .status(alive)
                .withData("withoutSessionMs", without)
                .withData("livenessTimeoutMs", limit.toMillis())
                .build();
    }
}
