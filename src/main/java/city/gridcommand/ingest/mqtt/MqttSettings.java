package city.gridcommand.ingest.mqtt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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

    /**
     * How long a connection attempt may take from opening the socket to the broker's CONNACK (TCP, TLS
     * and the MQTT handshake); after it the socket is closed and the attempt retried
     * ({@code GRID_MQTT_CONNACK_TIMEOUT}). A broker that accepts TCP but never answers would otherwise
     * hold ingest forever. Default 10 seconds.
     */
    @WithDefault("PT10S")
    Duration connackTimeout();

    /**
     * How long the broker may take to answer a SUBSCRIBE; after it the connection is closed and made again
     * ({@code GRID_MQTT_SUBACK_TIMEOUT}). Default 10 seconds.
     */
    @WithDefault("PT10S")
    Duration subackTimeout();

    /**
     * MQTT keep-alive announced to the broker ({@code GRID_MQTT_KEEP_ALIVE}); a broker silent for twice
     * this while we read is taken for gone. The socket's TCP keepalive probes start after the same idle
     * time, so a dead peer is found even while reading is paused for back-pressure. Whole seconds, 1 to
     * 65535. Default 60 seconds.
     */
    @WithDefault("PT60S")
    Duration keepAlive();

    /**
     * Delay before the first reconnection attempt; each failed attempt doubles it up to
     * {@link #maxReconnectDelay()}, and each delay is drawn at random between half and all of it, so that
     * many instances do not hammer a recovering broker in step ({@code GRID_MQTT_RECONNECT_DELAY}).
     * Default 200 milliseconds.
     */
    @WithDefault("PT0.2S")
    Duration reconnectDelay();

    /** Ceiling of the reconnection back-off ({@code GRID_MQTT_MAX_RECONNECT_DELAY}). Default 10 seconds. */
    @WithDefault("PT10S")
    Duration maxReconnectDelay();

    /**
     * How long a connection must stay up before the back-off starts again from
     * {@link #reconnectDelay()} ({@code GRID_MQTT_STABLE_AFTER}). A broker that accepts and then drops
     * us at once (a client-id clash, a broker restarting) keeps the delays growing instead. Default 30
     * seconds.
     */
    @WithDefault("PT30S")
    Duration stableAfter();

    /**
     * Liveness fails when an ingest connection has had no session with the broker for this long
     * ({@code GRID_MQTT_LIVENESS_TIMEOUT}), so that the orchestrator restarts an instance whose ingest
     * cannot recover by itself. A restart also interrupts this instance's REST API, and a broker outage
     * affects every instance at once: keep it longer than the broker outages to be ridden out. 0 turns it
     * off. Default 10 minutes.
     */
    @WithDefault("PT10M")
    Duration livenessTimeout();
}
