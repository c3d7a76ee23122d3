package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertChannel;
import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import city.gridcommand.ingest.mqtt.MqttSettings;
import city.gridcommand.live.ServiceBrokerClients;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The {@code terminal} channel: the alert to {@code grid/v1/workers/{personId}/alerts}, QoS 1, not retained,
 * over an MQTT connection of its own ({@code {clientId}-alerts}, clean start). The broker's PUBACK is SENT (a terminal with a persistent session gets
 * it when it reconnects); the broker away, or an error it answers, is RETRY; a refusal for good (not
 * authorised, a topic it will not take) is FAILED.
 */
@ApplicationScoped
public class TerminalChannel implements AlertChannel {

    private static final Logger LOG = Logger.getLogger(TerminalChannel.class);
    public static final String NAME = "terminal";
    static final String TOPIC = "grid/v1/workers/%s/alerts";

    private final MqttSettings settings;
    private volatile Mqtt5AsyncClient client;

    TerminalChannel(MqttSettings settings) {
        this.settings = settings;
    }

    /** Connects (retrying in the background). */
    public synchronized void start() {
        if (client != null) {
            return;
        }
        Mqtt5AsyncClient built = ServiceBrokerClients.build(settings, "alerts", null);
        built.connectWith().cleanStart(true).send().whenComplete((ack, error) -> {
            if (error != null) {
                LOG.warnf("the terminal channel cannot reach the broker yet (%s); retrying in the background",
                        error.getMessage());
            }
        });
        client = built;
    }

    public synchronized void stop() {
        if (client != null) {
            client.disconnect();
            client = null;
        }
    }

    @Override
    public boolean handles(String channel) {
        return NAME.equals(channel);
    }

    @Override
    public CompletionStage<DeliveryOutcome> deliver(AlertDelivery delivery) {
        Mqtt5AsyncClient current = client;
        if (current == null || !current.getState().isConnected()) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retry("the broker is not connected"));
        }
        String topic = TOPIC.formatted(delivery.personId());
        return current.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(false)
                .payload(delivery.body().getBytes(StandardCharsets.UTF_8)).send()
                .handle((result, error) -> {
                    if (error == null) {
                        return DeliveryOutcome.sent("PUBACK " + topic);
                    }
                    Throwable cause = error.getCause() != null && !(error instanceof Mqtt5PubAckException)
                            ? error.getCause() : error;
                    if (cause instanceof Mqtt5PubAckException refused) {
                        Mqtt5PubAckReasonCode code = refused.getMqttMessage().getReasonCode();
                        boolean forGood = code == Mqtt5PubAckReasonCode.NOT_AUTHORIZED
                                || code == Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID
                                || code == Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID;
                        return forGood ? DeliveryOutcome.failed("the broker refused it: " + code)
                                : DeliveryOutcome.retry("the broker answered " + code);
                    }
                    return DeliveryOutcome.retry("not published: " + cause);
                });
    }
}
