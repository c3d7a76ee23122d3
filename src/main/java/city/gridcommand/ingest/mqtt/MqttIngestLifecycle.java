package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.DemandRelay;
import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.ingest.IngestSettings;
import city.gridcommand.ingest.WriteBehind;
import city.gridcommand.store.PartitionMaintainer;
import city.gridcommand.store.PgSenderRegistry;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5RxClient;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.reactivex.Single;
import io.reactivex.schedulers.Schedulers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts ingestion once the database is ready (partitions made, registry loaded) and stops it
 * cleanly: stop taking messages, let in-flight batches commit and acknowledge, then disconnect.
 */
@ApplicationScoped
public class MqttIngestLifecycle {

    private static final Logger LOG = Logger.getLogger(MqttIngestLifecycle.class);
    private static final long DRAIN_MS = 10_000;
    /**
     * The protocol's maximum. Memory is bounded by the flow's demand (the write-behind capacity), not by
     * the broker honouring a smaller receive maximum: Mosquitto 2.0.11 sent more than a receive maximum
     * of 500 in our tests, and the client refuses such excess messages until they are sent again.
     */
    private static final int RECEIVE_MAXIMUM = 65_535;

    private final MqttSettings mqtt;
    private final IngestSettings settings;
    private final IngestPipeline pipeline;
    private final DemandRelay demand;
    private final PartitionMaintainer partitions;
    private final PgSenderRegistry registry;
    private Mqtt5RxClient client;
    private MqttIngest ingest;

    MqttIngestLifecycle(MqttSettings mqtt, IngestSettings settings, IngestPipeline pipeline, DemandRelay demand,
            PartitionMaintainer partitions, PgSenderRegistry registry) {
        this.mqtt = mqtt;
        this.settings = settings;
        this.pipeline = pipeline;
        this.demand = demand;
        this.partitions = partitions;
        this.registry = registry;
    }

    void onStart(@Observes @Priority(2000) StartupEvent event) {
        partitions.maintain();
        registry.reload();
        client = buildClient();
        ingest = new MqttIngest(client, pipeline, demand, settings, mqtt.sharedGroup().orElse(null));
        ingest.start();
        connect().subscribe(
                ack -> LOG.infof("connected to %s as %s (session present: %s)", mqtt.url(), mqtt.clientId(),
                        ack.isSessionPresent()),
                error -> LOG.errorf("cannot reach the MQTT broker at %s yet (%s); retrying in the background",
                        mqtt.url(), error.getMessage()));
    }

    private Mqtt5RxClient buildClient() {
        URI uri = URI.create(mqtt.url());
        boolean tls = "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(mqtt.clientId())
                .serverHost(uri.getHost())
                .serverPort(port)
                // Deliver publishes on the client's own I/O thread: decoding is cheap, and the default
                // hop to RxJava's computation pool cost more (lock contention per message) than the work.
                .executorConfig().applicationScheduler(Schedulers.trampoline()).applyExecutorConfig()
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(this::onConnected)
                .addDisconnectedListener(ctx -> LOG.warnf("disconnected from the MQTT broker: %s",
                        ctx.getCause().getMessage()));
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        return builder.buildRx();
    }

    private Single<Mqtt5ConnAck> connect() {
        Mqtt5ConnectBuilder connect = Mqtt5Connect.builder()
                .cleanStart(false)
                .sessionExpiryInterval(mqtt.sessionExpirySeconds())
                .restrictions().receiveMaximum(RECEIVE_MAXIMUM).applyRestrictions();
        if (mqtt.username().isPresent()) {
            connect = connect.simpleAuth(Mqtt5SimpleAuth.builder().username(mqtt.username().get())
                    .password(mqtt.password().orElse("").getBytes(StandardCharsets.UTF_8)).build());
        }
        return client.connect(connect.build());
    }

    private void onConnected(MqttClientConnectedContext context) {
        boolean sessionPresent = context instanceof Mqtt5ClientConnectedContext c && c.getConnAck().isSessionPresent();
        if (!sessionPresent) {
            ingest.subscribeFeeds();
        }
    }

    /** Whether the broker connection is up, for readiness. */
    public boolean connected() {
        return ingest != null && ingest.connected();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ingest == null) {
            return;
        }
        ingest.stop();
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
        client.disconnect().onErrorComplete().blockingAwait(5, TimeUnit.SECONDS);
    }
}
