package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.ingest.IngestSettings;
import city.gridcommand.ingest.Pressure;
import city.gridcommand.ingest.WriteBehind;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The broker connections of ingest: started last in the start-up sequence (when the grid, the registry,
 * the rules' memory and the partitions are ready) and stopped first: stop taking messages, let in-flight
 * batches commit and acknowledge, then disconnect. It also answers for their health: whether ingest
 * flows (the {@code ingest} health group, not the API's readiness) and whether it has been cut off from
 * the broker too long (liveness).
 */
@ApplicationScoped
public class MqttIngestLifecycle {

    private static final Logger LOG = Logger.getLogger(MqttIngestLifecycle.class);
    private static final long DRAIN_MS = 10_000;
    /** The shared-subscription group used when several connections split the feeds and none is set. */
    static final String DEFAULT_SHARED_GROUP = "grid-command";

    private final MqttSettings mqtt;
    private final IngestSettings settings;
    private final IngestPipeline pipeline;
    private final MeterRegistry registry;
    private final List<MqttConnection> connections = new CopyOnWriteArrayList<>();
    private EventLoopGroup group;

    MqttIngestLifecycle(MqttSettings mqtt, IngestSettings settings, IngestPipeline pipeline, MeterRegistry registry) {
        this.mqtt = mqtt;
        this.settings = settings;
        this.pipeline = pipeline;
        this.registry = registry;
    }

    /** Connects and subscribes in the background; messages flow from here on. */
    public void start() {
        int count = mqtt.connections();
        String sharedGroup = mqtt.sharedGroup().orElse(count > 1 ? DEFAULT_SHARED_GROUP : null);
        group = new NioEventLoopGroup(count, new DefaultThreadFactory("grid-mqtt", true));
        MqttConnection.Limits limits = new MqttConnection.Limits(Math.max(1, settings.capacity() / count),
                Math.max(1, settings.capacityBytes() / count), settings.maxPayloadBytes(),
                settings.deadLetterPayloadBytes());
        for (int i = 0; i < count; i++) {
            String clientId = count == 1 ? mqtt.clientId() : mqtt.clientId() + "-" + i;
            connections.add(new MqttConnection(mqtt, clientId, sharedGroup, pipeline::accept, group, limits));
        }
        IngestHealthMeters.register(registry, this);
        connections.forEach(MqttConnection::start);
    }

    /** Ingest flows: every connection has a session with every feed subscribed, and writes are not stalled. */
    public boolean healthy() {
        return connected() && pipeline.writeBehind().pressure() != Pressure.STALLED;
    }

    /** Every connection has a session with every feed subscribed. */
    public boolean connected() {
        return !connections.isEmpty() && connections.stream().allMatch(MqttConnection::healthy);
    }

    /**
     * The longest time, in milliseconds, that one of the connections has been without a session (0 when
     * every one has one, or before start).
     */
    long longestWithoutSessionMillis() {
        long now = System.nanoTime();
        return connections.stream().mapToLong(c -> c.health().downForNanos(now)).max().orElse(0) / 1_000_000;
    }

    /** Each connection's health, in client-id order. */
    List<ConnectionHealth> connectionHealth() {
        return connections.stream().map(MqttConnection::health).toList();
    }

    /** Payload bytes held unacknowledged by every connection. */
    long heldBytes() {
        return connections.stream().mapToLong(c -> c.limit().heldBytes()).sum();
    }

    MqttSettings mqttSettings() {
        return mqtt;
    }

    IngestSettings ingestSettings() {
        return settings;
    }

    WriteBehind writeBehind() {
        return pipeline.writeBehind();
    }

    /** Stops taking messages, waits up to ten seconds for in-flight batches to be acknowledged, disconnects. */
    public void stop() {
        connections.forEach(MqttConnection::stop);
        WriteBehind writeBehind = pipeline.writeBehind();
        long deadline = System.currentTimeMillis() + DRAIN_MS;
        while (writeBehind.outstanding() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.infof("stopping ingest with %d messages unacknowledged (the broker keeps them)", writeBehind.outstanding());
        connections.forEach(MqttConnection::disconnect);
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }
}
