package city.gridcommand.it.process;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sensor gateways publishing telemetry at a steady rate over QoS 1: {@code count} messages spread over
 * {@code devices} device ids, each device with its own increasing seq. Counts what the broker accepted.
 */
public final class SteadyPublisher {

    private final Mqtt5AsyncClient client;
    private final String devicePrefix;
    private final int devices;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public SteadyPublisher(String brokerUrl, String username, String password, String devicePrefix, int devices) {
        URI uri = URI.create(brokerUrl);
        var builder = MqttClient.builder().useMqttVersion5().identifier(devicePrefix + "gateway")
                .serverHost(uri.getHost()).serverPort(uri.getPort());
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        this.client = builder.buildAsync();
        this.devicePrefix = devicePrefix;
        this.devices = devices;
    }

    /** Publishes in a background thread; {@link #done()} completes when every message has its PUBACK. */
    public SteadyPublisher start(int count, int perSecond) {
        client.connect().join();
        Thread thread = new Thread(() -> run(count, perSecond), "steady-publisher");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run(int count, int perSecond) {
        Semaphore window = new Semaphore(1000);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            int device = i % devices;
            long seq = i / devices + 1;
            String payload = "{\"ts\":" + System.currentTimeMillis() + ",\"seq\":" + seq + ",\"metrics\":{\"temp\":"
                    + (20 + device % 10) + "}}";
            window.acquireUninterruptibly();
            sent.incrementAndGet();
            client.publishWith().topic("grid/v1/sensors/" + devicePrefix + device + "/telemetry")
                    .qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                    .whenComplete((result, error) -> {
                        (error == null ? accepted : failed).incrementAndGet();
                        window.release();
                    });
        }
        window.acquireUninterruptibly(1000);
        client.disconnect().join();
        done.complete(null);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long sent() {
        return sent.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long failed() {
        return failed.get();
    }

    public CompletableFuture<Void> done() {
        return done;
    }
}
