package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.ingest.IngestSettings;
import city.gridcommand.ingest.WriteBehind;
import city.gridcommand.store.PartitionMaintainer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts ingestion once the database is ready (partitions made; grid, registry and the rules' memory
 * load just before) and stops it cleanly: stop taking messages, let in-flight batches commit and
 * acknowledge, then disconnect.
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
    private final PartitionMaintainer partitions;
    private final List<MqttConnection> connections = new ArrayList<>();
    private EventLoopGroup group;

    MqttIngestLifecycle(MqttSettings mqtt, IngestSettings settings, IngestPipeline pipeline,
            PartitionMaintainer partitions) {
        this.mqtt = mqtt;
        this.settings = settings;
        this.pipeline = pipeline;
        this.partitions = partitions;
    }

    void onStart(@Observes @Priority(2000) StartupEvent event) {
        partitions.maintain();
        int count = mqtt.connections();
        String sharedGroup = mqtt.sharedGroup().orElse(count > 1 ? DEFAULT_SHARED_GROUP : null);
        group = new NioEventLoopGroup(count, new DefaultThreadFactory("grid-mqtt", true));
        for (int i = 0; i < count; i++) {
            String clientId = count == 1 ? mqtt.clientId() : mqtt.clientId() + "-" + i;
            connections.add(new MqttConnection(mqtt, clientId, sharedGroup, pipeline, group,
                    Math.max(1, settings.capacity() / count), settings.maxPayloadBytes(),
                    settings.deadLetterPayloadBytes()));
        }
        connections.forEach(MqttConnection::start);
    }

    /** Whether every broker connection is up, for readiness. */
    public boolean connected() {
        return !connections.isEmpty() && connections.stream().allMatch(MqttConnection::connected);
    }

    void onStop(@Observes ShutdownEvent event) {
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
