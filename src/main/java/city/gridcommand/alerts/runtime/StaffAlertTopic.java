package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.DeliveryOutcome;
import city.gridcommand.ingest.mqtt.MqttSettings;
import city.gridcommand.live.ServiceBrokerClients;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The staff's alerts across instances: an alert for a signed-in person is published to
 * {@code grid/v1/staff/{personId}/alerts} (QoS 1, not retained), and every instance, subscribed to
 * {@code grid/v1/staff/+/alerts} on its own connection (clean start, not shared: each instance gets each
 * alert), hands what arrives to its listeners, which pass it to that person's open sockets here. The person
 * may be connected to any instance; the one that delivers need not be it.
 */
@ApplicationScoped
public class StaffAlertTopic {

    private static final Logger LOG = Logger.getLogger(StaffAlertTopic.class);
    static final String TOPIC_ROOT = "grid/v1/staff/";
    static final String TOPIC_END = "/alerts";
    static final String FILTER = TOPIC_ROOT + "+" + TOPIC_END;
    /** How long a publication may wait for the broker's PUBACK before it counts as not handed over. */
    private static final long PUBACK_TIMEOUT_SECONDS = 10;
    /** A person id that is one topic level: no level separator or wildcard, no null character. */
    private static final Pattern TOPIC_LEVEL = Pattern.compile("[^/+#\\u0000]{1,128}");

    /** Receives each alert that arrives for a person: their id and the alert's body as published. */
    @FunctionalInterface
    public interface Listener {
        void alert(String personId, String body);
    }

    private final MqttSettings settings;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Mqtt5AsyncClient client;

    StaffAlertTopic(MqttSettings settings) {
        this.settings = settings;
    }

    /** Connects (retrying in the background) and subscribes on every connection. */
    public void start() {
        // a clean session each time: subscribe again on every connection
        Mqtt5AsyncClient built = ServiceBrokerClients.build(settings, "staff-alerts", connected -> subscribe());
        built.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::received);
        client = built;
        built.connectWith().cleanStart(true).send().whenComplete((ack, error) -> {
            if (error != null) {
                LOG.warnf("staff alerts cannot reach the broker yet (%s); retrying in the background",
                        error.getMessage());
            }
        });
    }

    public void stop() {
        Mqtt5AsyncClient current = client;
        if (current != null) {
            current.disconnect();
        }
    }

    /** Adds a receiver of every alert that arrives, whichever instance published it. */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Publishes the body for the person: sent when the broker acknowledged it (PUBACK); try again when the
     * broker is away or did not acknowledge in time; failed when the person's id cannot be a topic level.
     */
    CompletionStage<DeliveryOutcome> publish(String personId, String body) {
        if (personId == null || !TOPIC_LEVEL.matcher(personId).matches()) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed("person id '" + personId
                    + "' cannot be a topic level of " + FILTER));
        }
        Mqtt5AsyncClient current = client;
        if (current == null || !current.getState().isConnected()) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retry("the broker is not connected"));
        }
        return current.publishWith().topic(TOPIC_ROOT + personId + TOPIC_END).qos(MqttQos.AT_LEAST_ONCE)
                .payload(body.getBytes(StandardCharsets.UTF_8)).send()
                .copy().orTimeout(PUBACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .handle((result, error) -> {
                    if (error == null && result.getError().isEmpty()) {
                        return DeliveryOutcome.sent("PUBACK");
                    }
                    Throwable cause = error != null ? error : result.getError().get();
                    if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    return DeliveryOutcome.retry(cause instanceof TimeoutException ? "no PUBACK in "
                            + PUBACK_TIMEOUT_SECONDS + " s" : "not published: " + cause.getMessage());
                });
    }

    private void subscribe() {
        Mqtt5AsyncClient current = client;
        if (current == null) {
            return;
        }
        current.subscribeWith().topicFilter(FILTER).qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((ack, error) -> {
            if (error != null) {
                LOG.warnf("staff alerts: subscribing to %s failed (%s); alerts published through other instances "
                        + "reach this one's sockets after the next reconnect", FILTER, error.getMessage());
            }
        });
    }

    private void received(Mqtt5Publish publish) {
        List<String> levels = publish.getTopic().getLevels();
        if (levels.size() != 5) {
            return;
        }
        String personId = levels.get(3);
        String body = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
        for (Listener listener : listeners) {
            try {
                listener.alert(personId, body);
            } catch (RuntimeException e) {
                LOG.warnf(e, "staff alert for %s not passed on", personId);
            }
        }
    }
}
