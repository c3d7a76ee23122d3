package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.ingest.IngestSettings;
import city.gridcommand.ingest.WriteBehind;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The broker connections of ingest: started last in the start-up sequence (when the grid, the registry,
 * the rules' memory and the partitions are ready) and stopped first: stop taking messages, let in-flight
 * batches commit and acknowledge, then disconnect.
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
    private final List<MqttConnection> connections = new ArrayList<>();
    private EventLoopGroup group;

    MqttIngestLifecycle(MqttSettings mqtt, IngestSettings settings, IngestPipeline pipeline) {
        this.mqtt = mqtt;
        this.settings = settings;
        this.pipeline = pipeline;
    }

    /** Connects and subscribes; messages flow from here on. */
    public void start() {
        int count = mqtt.connections();
        String sharedGroup = mqtt.sharedGroup().orElse(count > 1 ? DEFAULT_SHARED_GROUP : null);
        group = new NioEventLoopGroup(count, new DefaultThreadFactory("grid-mqtt", true));
        for (int i = 0; i < count; i++) {
            String clientId = count == 1 ? mqtt.clientId() : mqtt.clientId() + "-" + i;
            connections.add(new MqttConnection(mqtt, clientId, sharedGroup, pipeline, group,
                    Math.max(1, settings.capacity() / count), Math.max(1, settings.capacityBytes() / count),
                    settings.maxPayloadBytes(),
                    settings.deadLetterPayloadBytes()));
        }
        connections.forEach(MqttConnection::start);
    }

    /** Whether every broker connection is up, for readiness. */
    public boolean connected() {
        return !connections.isEmpty() && connections.stream().allMatch(MqttConnection::connected);
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
