package city.gridcommand.live;

import city.gridcommand.ingest.mqtt.MqttSettings;
import city.gridcommand.store.EventChange;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Publishes every committed event change to {@code grid/v1/events/{cellCode}} (QoS 1, not retained;
 * docs/contract.md section 2) for other consumers and other instances, over its own MQTT connection. The
 * change log is the durable record; a change published while the broker is away is logged as lost here
 * and can be read back from the log.
 */
@ApplicationScoped
public class EventTopicPublisher {

    private static final Logger LOG = Logger.getLogger(EventTopicPublisher.class);
    static final String TOPIC_ROOT = "grid/v1/events/";

    private final MqttSettings settings;
    private final EventChangeRelay relay;
    private Mqtt5AsyncClient client;

    EventTopicPublisher(MqttSettings settings, EventChangeRelay relay) {
        this.settings = settings;
        this.relay = relay;
    }

    /** Connects (retrying in the background) and listens to the relay. */
    public void start() {
        client = ServiceBrokerClients.build(settings, "events", null);
        client.connectWith().cleanStart(true).send().whenComplete((ack, error) -> {
            if (error != null) {
                LOG.warnf("event publisher cannot reach the broker yet (%s); retrying in the background",
                        error.getMessage());
            }
        });
        relay.listen(this::publish);
    }

    public void stop() {
        if (client != null) {
            client.disconnect();
        }
    }

    void publish(EventChange change) {
        client.publishWith().topic(TOPIC_ROOT + change.event().cell()).qos(MqttQos.AT_LEAST_ONCE)
                .payload(change.message().encode().getBytes(StandardCharsets.UTF_8)).send()
                .whenComplete((result, error) -> {
                    if (error != null) {
                        LOG.warnf("event change %d not published to MQTT (%s); it stays in the change log",
                                change.seq(), error.getMessage());
                    }
                });
    }
}
