package city.gridcommand.sim;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One gateway's MQTT connection ({@link MqttPublisher}) over its life: it connects as the gateway with its
 * last will ({@code {"ts":<connect time>,"online":false}}, retained) and says {@code online:true} (retained,
 * the same time); a gateway that can die goes through an {@link GatewayUplink}, and {@link #die()} cuts it so
 * the broker publishes the will; {@link #connect()} again is its return.
 */
final class GatewayLink implements AutoCloseable {

    /** How long a dying gateway waits for its last batches' acknowledgements before its line is cut. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(30);

    private final String gateway;
    private final SimulateOptions options;
    private final Deliveries deliveries;
    private final GatewayUplink uplink;
    private final LongSupplier clock;
    private MqttPublisher connection;

    /** A link for {@code gateway}; with {@code mayDie} through an uplink that {@link #die()} cuts. */
    GatewayLink(String gateway, SimulateOptions options, Deliveries deliveries, boolean mayDie, LongSupplier clock) {
        this.gateway = gateway;
        this.options = options;
        this.deliveries = deliveries;
        this.clock = clock;
        this.uplink = mayDie ? GatewayUplink.open(gateway) : null;
    }

    /**
     * Connects and returns the birth message to publish first. Throws {@link IllegalStateException} if the
     * broker cannot be reached.
     */
    CityMessage connect() {
        long ts = clock.getAsLong();
        connection = MqttPublisher.connectGateway(options.url(), options.username(), options.password(),
                Simulator.WINDOW, deliveries, gateway, Payloads.gatewayStatusTopic(gateway), Payloads.gatewayWill(ts),
                uplink == null ? null : uplink.address());
        return Payloads.gatewayOnline(gateway, ts);
    }

    void publish(CityMessage message) {
        connection.publish(message);
    }

    /** Waits for what it sent to be acknowledged, then its line is cut: no DISCONNECT, the broker sends its will. */
    void die() throws InterruptedException {
        if (uplink == null) {
            throw new IllegalStateException("gateway " + gateway + " has no uplink to cut");
        }
        connection.drain(LAST_WORDS);
        uplink.cut();
        connection = null;
    }

    boolean drain(Duration timeout) throws InterruptedException {
        return connection == null || connection.drain(timeout);
    }

    String gateway() {
        return gateway;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (uplink != null) {
            uplink.close();
        }
    }
}
