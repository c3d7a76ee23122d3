package city.gridcommand.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one connection's share of the load from one thread. Pacing follows an absolute schedule
 * (message k is due at start + k/rate), so sleeping late never makes the run slower than the target: the
 * messages that came due meanwhile go out together. A semaphore bounds unacknowledged publishes.
 */
final class Sender {

    /** Shortest park between paced batches: at most this much of the schedule goes out as one burst. */
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Most messages sent before the clock and the deadline are looked at again. */
    private static final int BATCH = 256;

    private final Mqtt5AsyncClient client;
    private final MqttQos qos;
    private final MqttTopic[] topics;
    private final long[] seq;
    private final int maxInflight;
    private final Semaphore inflight;
    private final long stallNanos;
    private final StringBuilder json = new StringBuilder(96);
    /** The device the next message goes to; the round-robin goes on across calls of run. */
    private int next;

    Sender(Mqtt5AsyncClient client, MqttQos qos, String idPrefix, int[] devices, int maxInflight,
            long stallSeconds) {
        this.client = client;
        this.qos = qos;
        this.topics = new MqttTopic[devices.length];
        for (int i = 0; i < devices.length; i++) {
            topics[i] = MqttTopic.of("grid/v1/sensors/" + idPrefix + String.format("%06d", devices[i]) + "/telemetry");
        }
        this.seq = new long[devices.length];
        this.maxInflight = maxInflight;
        this.inflight = new Semaphore(maxInflight);
        this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
    }

    /**
     * Sends until {@code count} messages went out (count > 0) or until {@code deadline} (nanoTime, if not 0),
     * at {@code rate} msgs/s (0 = unpaced); the schedule counts from {@code start} (nanoTime), the same for
     * every sender. Devices continue their {@code seq} from an earlier call.
     */
    void run(Stats stats, long count, double rate, long start, long deadline) {
        long sent = 0;
        while (count == 0 || sent < count) {
            long now = System.nanoTime();
            if (deadline != 0 && now - deadline >= 0) {
                break;
            }
            long allowed = BATCH;
            if (rate > 0) {
                long due = (long) ((now - start) / 1e9 * rate) + 1;
                if (due <= sent) {
                    long nextAt = start + (long) (sent / rate * 1e9);
                    LockSupport.parkNanos(Math.max(nextAt - now, MIN_PARK_NANOS));
                    continue;
                }
                allowed = Math.min(allowed, due - sent);
            }
            if (count > 0) {
                allowed = Math.min(allowed, count - sent);
            }
            for (long i = 0; i < allowed; i++) {
                if (!acquire(deadline)) {
                    return;
                }
                publish(next, stats);
                next = next + 1 == topics.length ? 0 : next + 1;
                sent++;
            }
        }
    }

    /** Takes an in-flight slot; false at the deadline or when no acknowledgement freed one for too long. */
    private boolean acquire(long deadline) {
        long waitStart = 0;
        try {
            while (!inflight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (deadline != 0 && now - deadline >= 0) {
                    return false;
                }
                if (waitStart == 0) {
                    waitStart = now;
                } else if (now - waitStart > stallNanos) {
                    System.err.println("error: no acknowledgement for " + stallNanos / 1_000_000_000L
                            + " s; giving up on " + Thread.currentThread().getName());
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void publish(int device, Stats stats) {
        long s = ++seq[device];
        Mqtt5Publish message = Mqtt5Publish.builder()
                .topic(topics[device])
                .qos(qos)
                .payload(payload(s))
                .build();
        stats.published.increment();
        client.publish(message).whenComplete((result, error) -> {
            inflight.release();
            if (error != null) {
                stats.completed(false, error.toString());
            } else if (result.getError().isPresent()) {
                stats.completed(false, result.getError().get().toString());
            } else if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                    && qos1.getPubAck().getReasonCode().isError()) {
                stats.completed(false, "PUBACK " + qos1.getPubAck().getReasonCode());
            } else {
                stats.completed(true, null);
            }
        });
    }

    /** {"ts":<now>,"seq":<s>,"metrics":{"smoke":0.05..0.29,"temp":18.0..25.9}} */
    private byte[] payload(long s) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int smoke = 5 + random.nextInt(25);
        int temp = 180 + random.nextInt(80);
        json.setLength(0);
        json.append("{\"ts\":").append(System.currentTimeMillis())
                .append(",\"seq\":").append(s)
                .append(",\"metrics\":{\"smoke\":0.").append(smoke < 10 ? "0" : "").append(smoke)
                .append(",\"temp\":").append(temp / 10).append('.').append(temp % 10)
                .append("}}");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits until every publish of this connection is answered or {@code until} (nanoTime) passes. */
    boolean drain(long until) throws InterruptedException {
        while (inflight.availablePermits() < maxInflight) {
            if (System.nanoTime() - until >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
