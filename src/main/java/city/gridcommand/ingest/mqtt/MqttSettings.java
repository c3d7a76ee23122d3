package city.gridcommand.ingest.mqtt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the service reaches the MQTT broker (environment: {@code GRID_MQTT_*}). */
@ConfigMapping(prefix = "grid.mqtt")
public interface MqttSettings {

    /**
     * Broker address, {@code tcp://host:port} or {@code ssl://host:port} ({@code GRID_MQTT_URL}). When it
     * is not set, the launcher starts the embedded broker and sets it.
     */
    String url();

    /** User name for the broker ({@code GRID_MQTT_USERNAME}); none by default. */
    Optional<String> username();

    /** Password for the broker ({@code GRID_MQTT_PASSWORD}); none by default. */
    Optional<String> password();

    /**
     * Client id, the key of the persistent session: unique per instance ({@code GRID_MQTT_CLIENT_ID}).
     * Default {@code grid-command}.
     */
    @WithDefault("grid-command")
    String clientId();

    /**
     * Shared-subscription group; when set, instances split the feeds through
     * {@code $share/{group}/grid/v1/...} ({@code GRID_MQTT_SHARED_GROUP}). None by default.
     */
    Optional<String> sharedGroup();

    /**
     * MQTT connections this instance opens ({@code GRID_MQTT_CONNECTIONS}). With more than one they split
     * the feeds through a shared subscription ({@link #sharedGroup()}, {@code grid-command} when unset),
     * each with client id {@code {clientId}-{n}}; decoding then runs on several cores. Messages of one
     * device may then arrive on different connections, so per-device arrival order is not kept (it is not
     * across redeliveries either; consumers order by the sender's seq). Default 1.
     */
    @WithDefault("1")
    int connections();

    /** How long the broker keeps the session and its queued messages while we are away. Default 7 days. */
    @WithDefault("604800")
    long sessionExpirySeconds();
}
