package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.WriteBehind;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether ingest flows, at {@code /q/health/group/ingest}: UP while every broker connection has a
 * session with every feed subscribed and writes are not stalled on the database. Each connection says
 * what it is doing (or since when it has had no session and why), with the back-pressure state and what
 * is held in flight.
 *
 * <p>Deliberately not a readiness check: readiness takes an instance out of the Service, and the REST
 * API (the 12345 hotline, dispatching) needs only PostgreSQL. A broker outage must not take it down; it
 * shows here, in {@code grid.ingest.up} and, if it lasts, in liveness ({@link IngestLivenessCheck}).
 */
@HealthGroup(IngestHealthCheck.GROUP)
@ApplicationScoped
public class IngestHealthCheck implements HealthCheck {

    /** The health group of ingest: {@code /q/health/group/ingest}. */
    public static final String GROUP = "ingest";

    private final MqttIngestLifecycle ingest;

    IngestHealthCheck(MqttIngestLifecycle ingest) {
        this.ingest = ingest;
    }

    @Override
    public HealthCheckResponse call() {
        WriteBehind writeBehind = ingest.writeBehind();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("MQTT ingest")
                .status(ingest.healthy())
                .withData("broker", ingest.mqttSettings().url())
                .withData("clientId", ingest.mqttSettings().clientId())
                .withData("backPressure", writeBehind.pressure().name())
                .withData("inFlight", writeBehind.outstanding())
                .withData("inFlightBytes", ingest.heldBytes());
        long failures = 0;
        long refused = 0;
        for (ConnectionHealth connection : ingest.connectionHealth()) {
            response.withData("connection " + connection.clientId(), connection.describe());
            failures += connection.connectFailures();
            refused += connection.subscriptionsRefused();
        }
        return response.withData("connectFailures", failures).withData("subscriptionsRefused", refused).build();
    }
}
