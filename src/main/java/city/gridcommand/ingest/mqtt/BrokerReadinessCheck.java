package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.WriteBehind;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while connected to the broker and not stalled on the database; the back-pressure
 * state and in-flight count are attached for operators. (The datasource checks come from Quarkus.)
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    private final MqttIngestLifecycle lifecycle;
    private final WriteBehind writeBehind;
    private final MqttSettings settings;

    BrokerReadinessCheck(MqttIngestLifecycle lifecycle, WriteBehind writeBehind, MqttSettings settings) {
        this.lifecycle = lifecycle;
        this.writeBehind = writeBehind;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("MQTT ingest")
                .status(lifecycle.connected())
                .withData("broker", settings.url())
                .withData("clientId", settings.clientId())
                .withData("backPressure", writeBehind.pressure().name())
                .withData("inFlight", writeBehind.outstanding())
                .build();
    }
}
