package city.gridcommand.ingest.mqtt;

import city.gridcommand.ingest.DemandRelay;
import city.gridcommand.ingest.IngestPipeline;
import city.gridcommand.ingest.IngestSettings;
import city.gridcommand.ingest.InboundMessage;
import city.gridcommand.signal.SignalSource;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5RxClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import io.reactivex.FlowableSubscriber;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.reactivestreams.Subscription;

/**
 * Takes every feed from the broker and hands each message to the ingest pipeline.
 *
 * <p>Why the HiveMQ client and not the SmallRye MQTT connector: the connector's Vert.x client sends
 * PUBACK as soon as a QoS 1 message arrives, before anything is stored, so a crash loses what was
 * acknowledged. Here the session is persistent (clean start off, long expiry) and every publish is
 * acknowledged manually, only after its batch is committed; a crash leaves the message unacknowledged
 * and the broker redelivers it. The flow is consumed with reactive-streams demand: no more than the
 * write-behind's capacity is ever requested, and the same number is the MQTT receive maximum, so the
 * broker itself holds back what we cannot take and memory stays bounded at any rate.
 */
final class MqttIngest implements FlowableSubscriber<Mqtt5Publish> {

    private static final Logger LOG = Logger.getLogger(MqttIngest.class);

    private static final Runnable NO_ACK = () -> { };

    private final Mqtt5RxClient client;
    private final IngestPipeline pipeline;
    private final DemandRelay demand;
    private final int capacity;
    private final String sharedGroup;
    private volatile Subscription subscription;

    MqttIngest(Mqtt5RxClient client, IngestPipeline pipeline, DemandRelay demand, IngestSettings settings,
            String sharedGroup) {
        this.client = client;
        this.pipeline = pipeline;
        this.demand = demand;
        this.capacity = settings.capacity();
        this.sharedGroup = sharedGroup;
    }

    /** Starts consuming; must be called before the client connects so no queued message is missed. */
    void start() {
        client.publishes(MqttGlobalPublishFilter.ALL, true).subscribe(this);
    }

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        demand.attach(this::request);
        s.request(capacity);
    }

    private synchronized void request(int n) {
        Subscription s = subscription;
        if (s != null) {
            s.request(n);
        }
    }

    @Override
    public void onNext(Mqtt5Publish publish) {
        Runnable ack = publish.getQos() == MqttQos.AT_MOST_ONCE ? NO_ACK : publish::acknowledge;
        InboundMessage message = new InboundMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                System.currentTimeMillis(), ack);
        pipeline.accept(message);
    }

    @Override
    public void onError(Throwable error) {
        LOG.error("the MQTT publish flow ended with an error", error);
    }

    @Override
    public void onComplete() {
        LOG.info("the MQTT publish flow completed");
    }

    /** Subscribes to every feed at QoS 1; called on each connection whose session the broker lost. */
    void subscribeFeeds() {
        Mqtt5SubscribeBuilder.Start builder = Mqtt5Subscribe.builder();
        Mqtt5SubscribeBuilder.Complete complete = null;
        for (SignalSource source : SignalSource.feeds()) {
            String filter = sharedGroup == null ? source.topicFilter() : "$share/" + sharedGroup + "/" + source.topicFilter();
            complete = (complete == null ? builder : complete).addSubscription()
                    .topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).applySubscription();
        }
        client.subscribe(complete.build())
                .timeout(30, TimeUnit.SECONDS)
                .subscribe(ack -> LOG.infof("subscribed to %d feeds: %s", ack.getReasonCodes().size(), ack.getReasonCodes()),
                        error -> LOG.error("subscribing to the feeds failed; retrying on the next connection", error));
    }

    boolean connected() {
        return client.getState() == MqttClientState.CONNECTED;
    }

    /** Stops taking messages; what is unacknowledged stays with the broker. */
    void stop() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        demand.attach(n -> { });
    }
}
