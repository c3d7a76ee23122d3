package city.gridcommand.it.process;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway (a street's concentrator) streaming batches of its devices' telemetry on
 * {@code grid/v1/gateways/{gatewayId}/telemetry} at a steady rate over QoS 1, a few batches in flight: batch
 * {@code b} holds one reading of each of {@code perBatch} devices (of {@code devices} ids
 * {@code {devicePrefix}000}…, taken in turn), each device with its own increasing seq. Counts the readings
 * of the batches the broker acknowledged (PUBACK) and of those it did not.
 */
public final class GatewayStream {

    private final Mqtt5AsyncClient client;
    private final String topic;
    private final String devicePrefix;
    private final int devices;
    private final AtomicLong sentBatches = new AtomicLong();
    private final AtomicLong acceptedReadings = new AtomicLong();
    private final AtomicLong failedReadings = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** A gateway connecting as {@code gatewayId} (its client id, and its username when one is given). */
    public GatewayStream(String brokerUrl, String gatewayId, String password, String devicePrefix, int devices) {
        URI uri = URI.create(brokerUrl);
        var builder = MqttClient.builder().useMqttVersion5().identifier(gatewayId).serverHost(uri.getHost())
                .serverPort(uri.getPort());
        if (password != null) {
            builder = builder.simpleAuth().username(gatewayId).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        this.client = builder.buildAsync();
        this.topic = "grid/v1/gateways/" + gatewayId + "/telemetry";
        this.devicePrefix = devicePrefix;
        this.devices = devices;
    }

    /** The id of device {@code n}. */
    public String device(int n) {
        return devicePrefix + String.format(Locale.ROOT, "%03d", n);
    }

    /**
     * Publishes {@code batches} batches of {@code perBatch} readings, {@code perSecond} batches a second and
     * at most {@code inFlight} unacknowledged, in a background thread; {@link #done()} completes when every
     * batch has its PUBACK (or failed).
     */
    public GatewayStream start(int batches, int perBatch, int perSecond, int inFlight) {
        if (devices % perBatch != 0) {
            throw new IllegalArgumentException("a batch takes " + perBatch + " of " + devices + " devices in turn");
        }
        client.connect().join();
        Thread thread = new Thread(() -> run(batches, perBatch, perSecond, inFlight), "gateway-stream");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run(int batches, int perBatch, int perSecond, int inFlight) {
        Semaphore window = new Semaphore(inFlight);
        int turns = devices / perBatch;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            long wait = start + (long) b * 1_000_000_000L / perSecond - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            byte[] batch = batch(b % turns * perBatch, perBatch, b / turns + 1);
            window.acquireUninterruptibly();
            sentBatches.incrementAndGet();
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(batch).send()
                    .whenComplete((result, error) -> {
                        (error == null ? acceptedReadings : failedReadings).addAndGet(perBatch);
                        window.release();
                    });
        }
        window.acquireUninterruptibly(inFlight);
        client.disconnect().join();
        done.complete(null);
    }

    /** {@code {"devices":{"<id>":[{"ts":…,"seq":…,"metrics":{…}}],…}}}: one reading of each device from {@code first}. */
    private byte[] batch(int first, int count, long seq) {
        long ts = System.currentTimeMillis();
        StringBuilder json = new StringBuilder("{\"devices\":{");
        for (int d = first; d < first + count; d++) {
            json.append(d > first ? "," : "").append('"').append(device(d)).append("\":[")
                    .append(String.format(Locale.ROOT, "{\"ts\":%d,\"seq\":%d,\"metrics\":{\"temp\":%d.5}}", ts, seq,
                            20 + d % 10))
                    .append(']');
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Batches handed to the client so far. */
    public long sentBatches() {
        return sentBatches.get();
    }

    /** Readings of the batches the broker acknowledged. */
    public long acceptedReadings() {
        return acceptedReadings.get();
    }

    /** Readings of the batches the broker refused or that failed. */
    public long failedReadings() {
        return failedReadings.get();
    }

    public CompletableFuture<Void> done() {
        return done;
    }
}
