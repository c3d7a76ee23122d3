package city.gridcommand.live;

import city.gridcommand.ingest.PlacedSignals;
import city.gridcommand.ingest.mqtt.MqttSettings;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.WorkerPosition;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Worker positions and device statuses as they are placed, for live screens on every instance: the
 * ingest pipeline tells this relay of each placed signal ({@link PlacedSignals}); it hands the screen
 * message ({@code worker.moved}, {@code device.status}) to this instance's listeners at once and publishes
 * it, QoS 0 and not retained, to {@code grid/v1/live/{cellCode}} (docs/contract.md section 2) over a
 * connection of its own. Every instance subscribes to {@code grid/v1/live/#} with "no local" (the broker
 * does not send an instance its own messages back) and hands what other instances placed to its listeners
 * too: the broker is the fan-out. Ephemeral by design: a message lost while the broker is away is
 * replaced by the next position, and a screen's snapshot holds the current values.
 *
 * <p>Listeners run on the ingest thread or the broker client's thread and must return at once.
 */
@ApplicationScoped
public class LiveSignals implements PlacedSignals {

    /** One ephemeral screen message: the base cell it is in, what it replaces (its key), its JSON. */
    public record LiveSignal(String cell, String key, String text) {
    }

    static final String TOPIC_ROOT = "grid/v1/live/";
    private static final Logger LOG = Logger.getLogger(LiveSignals.class);

    private final MqttSettings settings;
    private final List<Consumer<LiveSignal>> listeners = new CopyOnWriteArrayList<>();
    private final Counter refused;
    private volatile Mqtt5AsyncClient client;

    LiveSignals(MqttSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.refused = Counter.builder("grid.live.signals.refused")
                .description("messages on grid/v1/live/# that were not a worker.moved or device.status with a cell")
                .register(registry);
    }

    /** Connects (retrying in the background) and subscribes on every connect. */
    public void start() {
        Mqtt5AsyncClient built = ServiceBrokerClients.build(settings, "live", context -> subscribe());
        client = built;
        built.connectWith().cleanStart(true).send().whenComplete((ack, error) -> {
            if (error != null) {
                LOG.warnf("live signals cannot reach the broker yet (%s); retrying in the background",
                        error.getMessage());
            }
        });
    }

    public void stop() {
        Mqtt5AsyncClient current = client;
        client = null;
        if (current != null) {
            current.disconnect();
        }
    }

    /** Hands every live signal placed on any instance to {@code listener} until the returned handle is closed. */
    public AutoCloseable listen(Consumer<LiveSignal> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void placed(Signal signal, Placement placement) {
        if (placement.location() == null || placement.location().baseCell() == null) {
            return;
        }
        LiveSignal live = of(signal, placement.location().baseCell());
        if (live == null) {
            return;
        }
        hand(live);
        Mqtt5AsyncClient current = client;
        if (current != null && current.getState().isConnected()) {
            current.publishWith().topic(TOPIC_ROOT + live.cell()).qos(MqttQos.AT_MOST_ONCE)
                    .payload(live.text().getBytes(StandardCharsets.UTF_8)).send();
        }
    }

    /** The screen message of a worker position or device status in {@code cell}; null for other signals. */
    static LiveSignal of(Signal signal, String cell) {
        if (signal instanceof WorkerPosition position) {
            return new LiveSignal(cell, "worker:" + position.senderId(), message("worker.moved", new JsonObject()
                    .put("id", position.senderId()).put("lat", position.position().lat())
                    .put("lon", position.position().lon()).put("cell", cell).put("ts", position.ts())));
        }
        if (signal instanceof DeviceStatus status) {
            return new LiveSignal(cell, "device:" + status.senderId(), message("device.status", new JsonObject()
                    .put("id", status.senderId()).put("online", status.online()).put("cell", cell)
                    .put("ts", status.ts())));
        }
        return null;
    }

    /** What another instance published, as a live signal; null (and counted) when it is not one. */
    LiveSignal read(String topic, byte[] payload) {
        try {
            JsonObject message = new JsonObject(new String(payload, StandardCharsets.UTF_8));
            String type = message.getString("type");
            JsonObject data = message.getJsonObject("data");
            String prefix = "worker.moved".equals(type) ? "worker:" : "device.status".equals(type) ? "device:" : null;
            String cell = topic.substring(TOPIC_ROOT.length());
            if (prefix != null && data != null && data.getValue("id") instanceof String id && !id.isBlank()
                    && cell.equals(data.getValue("cell"))) {
                return new LiveSignal(cell, prefix + id, message.encode());
            }
        } catch (DecodeException | ClassCastException e) {
            LOG.debugf("not a live signal on %s: %s", topic, e.getMessage());
        }
        refused.increment();
        return null;
    }

    private void subscribe() {
        Mqtt5AsyncClient current = client;
        if (current == null) {
            return;
        }
        current.subscribeWith().topicFilter(TOPIC_ROOT + "#").qos(MqttQos.AT_MOST_ONCE).noLocal(true)
                .callback(this::received).send().whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.warnf("cannot subscribe to %s# (%s): screens here see only this instance's "
                                + "positions until the next connect", TOPIC_ROOT, error.getMessage());
                    }
                });
    }

    private void received(Mqtt5Publish publish) {
        LiveSignal live = read(publish.getTopic().toString(), publish.getPayloadAsBytes());
        if (live != null) {
            hand(live);
        }
    }

    private void hand(LiveSignal live) {
        for (Consumer<LiveSignal> listener : listeners) {
            try {
                listener.accept(live);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a listener of live signals failed on %s", live.key());
            }
        }
    }

    private static String message(String type, JsonObject data) {
        return new JsonObject().put("type", type).put("data", data).encode();
    }
}
