package city.gridcommand.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one connection's share of the load from one thread: its {@link Feed}'s messages, each holding up to
 * the feed's batch of readings. Counts and rates are of readings; a message goes out once its batch is due.
 * Pacing follows an absolute schedule (message k is due at start + k/message rate), so sleeping late never
 * makes the run slower than the target: the messages that came due meanwhile go out together. A semaphore
 * bounds unacknowledged publishes.
 */
final class Sender {

    /** Shortest park between paced batches: at most this much of the schedule goes out as one burst. */
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Most messages sent before the clock and the deadline are looked at again. */
    private static final int BATCH = 256;

    private final Mqtt5AsyncClient client;
    private final MqttQos qos;
    private final Feed feed;
    private final int maxInflight;
    private final Semaphore inflight;
    private final long stallNanos;

    Sender(Mqtt5AsyncClient client, MqttQos qos, Feed feed, int maxInflight, long stallSeconds) {
        this.client = client;
        this.qos = qos;
        this.feed = feed;
        this.maxInflight = maxInflight;
        this.inflight = new Semaphore(maxInflight);
        this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
    }

    /**
     * Sends until {@code readings} readings went out (readings > 0) or until {@code deadline} (nanoTime, if
     * not 0), at {@code readingRate} readings/s (0 = unpaced); the schedule counts from {@code start}
     * (nanoTime), the same for every sender. Messages hold the feed's batch, the last one what is left.
     * Devices continue their {@code seq} from an earlier call.
     */
    void run(Stats stats, long readings, double readingRate, long start, long deadline) {
        int batch = feed.batch();
        long count = (readings + batch - 1) / batch;
        double rate = readingRate / batch;
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
                publish(readings == 0 ? batch : (int) Math.min(batch, readings - sent * batch), stats);
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

    private void publish(int readings, Stats stats) {
        Feed.Message next = feed.next(readings);
        Mqtt5Publish message = Mqtt5Publish.builder()
                .topic(next.topic())
                .qos(qos)
                .payload(next.payload())
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
                stats.acked(readings);
            }
        });
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
