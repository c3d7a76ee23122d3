package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.DemandRelay;
import city.gridcommand.ingest.InboundMessage;
import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.signal.SignalSource;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5RxClient;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import io.reactivex.FlowableSubscriber;
import io.reactivex.schedulers.Schedulers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.reactivestreams.Subscription;

/**
 * One MQTT connection taking the feeds to the ingest pipeline.
 *
 * <p>Why the HiveMQ client and not the SmallRye MQTT connector: the connector's Vert.x client sends
 * PUBACK as soon as a QoS 1 message arrives, before anything is stored, so a crash loses what was
 * acknowledged. Here the session is persistent (clean start off, long expiry) and every publish is
 * acknowledged manually, only after its batch is committed; a crash leaves the message unacknowledged
 * and the broker redelivers it. The flow is consumed with reactive-streams demand: this connection never
 * holds more than its share of the write-behind's capacity, and asks for more only as its messages are
 * acknowledged, so memory stays bounded whatever the rate.
 */
final class MqttConnection implements FlowableSubscriber<Mqtt5Publish> {

    private static final Logger LOG = Logger.getLogger(MqttConnection.class);
    /**
     * The protocol's maximum. Memory is bounded by this connection's demand, not by the broker honouring a
     * smaller receive maximum: Mosquitto 2.0.11 sent more than a receive maximum of 500 in our tests, and
     * the client refuses such excess messages until they are sent again.
     */
    private static final int RECEIVE_MAXIMUM = 65_535;

    private final MqttSettings settings;
    private final String clientId;
    private final String sharedGroup;
    private final IngestPipeline pipeline;
    private final DemandRelay demand;
    private final int capacity;
    private final Mqtt5RxClient client;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Runnable replenish = this::replenish;
    private volatile Subscription subscription;
    private volatile boolean flowEnded;

    MqttConnection(MqttSettings settings, String clientId, String sharedGroup, IngestPipeline pipeline,
            DemandRelay demand, int capacity) {
        this.settings = settings;
        this.clientId = clientId;
        this.sharedGroup = sharedGroup;
        this.pipeline = pipeline;
        this.demand = demand;
        this.capacity = capacity;
        this.client = buildClient();
    }

    private Mqtt5RxClient buildClient() {
        URI uri = URI.create(settings.url());
        boolean tls = "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(clientId)
                .serverHost(uri.getHost())
                .serverPort(port)
                // Deliver publishes on the client's own I/O thread: decoding is cheap, and the default
                // hop to RxJava's computation pool cost more (lock contention per message) than the work.
                .executorConfig().applicationScheduler(Schedulers.trampoline()).applyExecutorConfig()
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(this::onConnected)
                .addDisconnectedListener(ctx -> LOG.warnf("%s disconnected from the MQTT broker: %s", clientId,
                        ctx.getCause().getMessage()));
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        return builder.buildRx();
    }

    /** Starts consuming, then connects: no message queued for the session is missed. */
    void start() {
        client.publishes(MqttGlobalPublishFilter.ALL, true).subscribe(this);
        Mqtt5ConnectBuilder connect = Mqtt5Connect.builder()
                .cleanStart(false)
                .sessionExpiryInterval(settings.sessionExpirySeconds())
                .restrictions().receiveMaximum(RECEIVE_MAXIMUM).applyRestrictions();
        if (settings.username().isPresent()) {
            connect = connect.simpleAuth(Mqtt5SimpleAuth.builder().username(settings.username().get())
                    .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8)).build());
        }
        client.connect(connect.build()).subscribe(
                ack -> LOG.infof("connected to %s as %s (session present: %s)", settings.url(), clientId,
                        ack.isSessionPresent()),
                error -> LOG.errorf("cannot reach the MQTT broker at %s yet (%s); retrying in the background",
                        settings.url(), error.getMessage()));
    }

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        demand.attach(replenish);
        s.request(capacity);
    }

    /** Asks for as many messages as this connection has had acknowledged since it last asked. */
    private synchronized void replenish() {
        int n = acknowledged.getAndSet(0);
        Subscription s = subscription;
        if (n > 0 && s != null) {
            s.request(n);
        }
    }

    @Override
    public void onNext(Mqtt5Publish publish) {
        Runnable ack = publish.getQos() == MqttQos.AT_MOST_ONCE ? () -> acknowledged.incrementAndGet() : () -> {
            publish.acknowledge();
            acknowledged.incrementAndGet();
        };
        pipeline.accept(new InboundMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                System.currentTimeMillis(), ack));
    }

    @Override
    public void onError(Throwable error) {
        flowEnded = true;
        LOG.errorf(error, "%s stopped taking messages: its publish flow failed; readiness is DOWN until restart",
                clientId);
    }

    @Override
    public void onComplete() {
        flowEnded = true;
        LOG.infof("%s's publish flow completed", clientId);
    }

    private void onConnected(MqttClientConnectedContext context) {
        boolean sessionPresent = context instanceof Mqtt5ClientConnectedContext c && c.getConnAck().isSessionPresent();
        if (!sessionPresent) {
            subscribeFeeds();
        }
    }

    /** Subscribes to every feed at QoS 1; called on each connection whose session the broker lost. */
    private void subscribeFeeds() {
        Mqtt5SubscribeBuilder.Start builder = Mqtt5Subscribe.builder();
        Mqtt5SubscribeBuilder.Complete complete = null;
        for (SignalSource source : SignalSource.feeds()) {
            String filter = sharedGroup == null ? source.topicFilter() : "$share/" + sharedGroup + "/" + source.topicFilter();
            complete = (complete == null ? builder : complete).addSubscription()
                    .topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).applySubscription();
        }
        client.subscribe(complete.build())
                .timeout(30, TimeUnit.SECONDS)
                .subscribe(ack -> LOG.infof("%s subscribed to %d feeds: %s", clientId, ack.getReasonCodes().size(),
                        ack.getReasonCodes()),
                        error -> LOG.error("subscribing to the feeds failed; retrying on the next connection", error));
    }

    /** Connected and still taking messages (a connection whose flow ended would ingest nothing). */
    boolean connected() {
        return !flowEnded && client.getState() == MqttClientState.CONNECTED;
    }

    /** Stops taking messages; what is unacknowledged stays with the broker. */
    void stop() {
        flowEnded = true;
        demand.detach(replenish);
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    void disconnect() {
        client.disconnect().onErrorComplete().blockingAwait(5, TimeUnit.SECONDS);
    }
}
