package city.gridcommand.sim;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's MQTT side, kept thin: one MQTT 5 connection publishing at QoS 1, counting the broker's
 * acknowledgements, with at most {@code window} messages unacknowledged so a slow broker slows the sender
 * instead of filling its memory. No automatic reconnect: a lost connection shows as failed publishes in the
 * progress line rather than as a silent stall.
 */
final class MqttPublisher implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final Semaphore window;
    private final int windowSize;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Throwable lastFailure;

    private MqttPublisher(Mqtt5AsyncClient client, int windowSize) {
        this.client = client;
        this.windowSize = windowSize;
        this.window = new Semaphore(windowSize);
    }

    /**
     * Connects (clean start: a publisher has no session worth keeping) to a URL that
     * {@link SimulateOptions} has checked; throws {@link IllegalStateException} if the broker cannot be reached.
     */
    static MqttPublisher connect(String url, String username, String password, int window) {
        URI uri = URI.create(url);
        boolean tls = SimulateOptions.isTls(uri);
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier("grid-sim-" + ProcessHandle.current().pid())
                .serverHost(uri.getHost()).serverPort(uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883);
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        Mqtt5AsyncClient client = builder.buildAsync();
        try {
            client.connectWith().cleanStart(true).send().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getCause().getMessage(), e.getCause());
        }
        return new MqttPublisher(client, window);
    }

    /** Publishes at QoS 1; waits first while the window of unacknowledged messages is full. */
    void publish(CityMessage message) {
        window.acquireUninterruptibly();
        client.publishWith().topic(message.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(message.retained())
                .payload(message.payload()).send()
                .whenComplete((result, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        lastFailure = error;
                        failed.incrementAndGet();
                    }
                    window.release();
                });
    }

    /** Waits until every message published so far is acknowledged or failed; false on timeout. */
    boolean drain(Duration timeout) throws InterruptedException {
        if (!window.tryAcquire(windowSize, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        window.release(windowSize);
        return true;
    }

    long acked() {
        return acked.get();
    }

    long failed() {
        return failed.get();
    }

    /** Why the last failed publish failed, or null. */
    Throwable lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        client.disconnect().exceptionally(e -> null).join();
    }
}
