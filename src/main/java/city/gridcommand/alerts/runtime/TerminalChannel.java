package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertChannel;
import city.gridcommand.alerts.AlertDelivery;
import city.gridcommand.alerts.DeliveryOutcome;
import city.gridcommand.ingest.mqtt.MqttSettings;
import city.gridcommand.live.ServiceBrokerClients;
import city.gridcommand.registry.SenderRegistry;
import city.gridcommand.signal.SignalSource;
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
 * The {@code terminal} channel: the alert to {@code grid/v1/workers/{personId}/alerts}, or, for a worker
 * registered behind a gateway, to {@code grid/v1/gateways/{gatewayId}/alerts} naming the worker
 * ({@link TerminalRoute}); QoS 1, not retained, over an MQTT connection of its own ({@code {clientId}-alerts},
 * clean start). The broker's PUBACK is SENT, its detail naming the topic (a terminal or gateway with a
 * persistent session gets it when it reconnects); the broker away, or an error it answers, is RETRY; a refusal
 * for good (not authorised, a topic it will not take) or a body that cannot be addressed to a gateway is FAILED.
 */
@ApplicationScoped
public class TerminalChannel implements AlertChannel {

    private static final Logger LOG = Logger.getLogger(TerminalChannel.class);
    public static final String NAME = "terminal";

    private final MqttSettings settings;
    private final SenderRegistry registry;
    private volatile Mqtt5AsyncClient client;

    TerminalChannel(MqttSettings settings, SenderRegistry registry) {
        this.settings = settings;
        this.registry = registry;
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
        TerminalRoute route;
        try {
            route = TerminalRoute.of(delivery.personId(),
                    registry.gatewayOf(SignalSource.WORKER_LOCATION, delivery.personId()), delivery.body());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(e.getMessage()));
        }
        String topic = route.topic();
        return current.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(false)
                .payload(route.payload().getBytes(StandardCharsets.UTF_8)).send()
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
