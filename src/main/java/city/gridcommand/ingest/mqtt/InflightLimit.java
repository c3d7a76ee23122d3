package city.gridcommand.ingest.mqtt;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what one connection holds unacknowledged, in readings and in payload bytes: a message is one
 * reading, a gateway's batch as many as it carries ({@link #more}). When either
 * capacity is reached it stops reading from the socket, so the broker's messages wait in the broker
 * (and TCP) instead of in our heap; once acknowledgements bring both below three quarters of their
 * capacity, reading resumes. This holds whether or not the broker honours the receive maximum we
 * announce. A message is taken whole even when it alone exceeds the byte capacity: reading then pauses
 * until it is acknowledged, so one large message never wedges the connection.
 */
final class InflightLimit {

    private final int capacity;
    private final int resumeBelow;
    private final long capacityBytes;
    private final long resumeBelowBytes;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicBoolean resumeScheduled = new AtomicBoolean();
    private final Runnable resume = this::resume;
    private volatile Channel channel;
    private volatile boolean paused;
    private volatile boolean stopped;

    /**
     * @param capacity      most readings held
     * @param capacityBytes most payload bytes held
     */
    InflightLimit(int capacity, long capacityBytes) {
        this.capacity = Math.max(1, capacity);
        this.resumeBelow = Math.max(1, this.capacity - this.capacity / 4);
        this.capacityBytes = Math.max(1, capacityBytes);
        this.resumeBelowBytes = Math.max(1, this.capacityBytes - this.capacityBytes / 4);
    }

    /** Reads from {@code channel} from now on, paused if a limit is already reached; on its event loop. */
    void attach(Channel channel) {
        this.channel = channel;
        if (stopped || full()) {
            pause();
        }
    }

    private boolean full() {
        return held.get() >= capacity || heldBytes.get() >= capacityBytes;
    }

    private void pause() {
        paused = true;
        channel.config().setAutoRead(false);
        // every acknowledgement may have come in before paused was set: then none would resume
        resume();
    }

    /** One more message of {@code bytes} payload bytes held; on the event loop. */
    void taken(int bytes) {
        held.incrementAndGet();
        heldBytes.addAndGet(bytes);
        if (!paused && full()) {
            pause();
        }
    }

    /** The message just taken holds {@code extra} more readings (a gateway's batch); on the event loop. */
    void more(int extra) {
        held.addAndGet(extra);
        if (!paused && full()) {
            pause();
        }
    }

    /** One message of {@code readings} readings and {@code bytes} bytes acknowledged (or handed back); any thread. */
    void released(int readings, int bytes) {
        int messages = held.addAndGet(-readings);
        long payload = heldBytes.addAndGet(-bytes);
        if (messages < resumeBelow && payload < resumeBelowBytes && paused
                && resumeScheduled.compareAndSet(false, true)) {
            Channel current = channel;
            current.eventLoop().execute(resume);
        }
    }

    /** Stops reading for good: what the broker still has stays there. */
    void stop() {
        stopped = true;
        paused = true;
        Channel current = channel;
        if (current != null) {
            current.eventLoop().execute(() -> current.config().setAutoRead(false));
        }
    }

    int held() {
        return held.get();
    }

    long heldBytes() {
        return heldBytes.get();
    }

    private void resume() {
        resumeScheduled.set(false);
        Channel current = channel;
        if (paused && !stopped && held.get() < resumeBelow && heldBytes.get() < resumeBelowBytes) {
            paused = false;
            current.config().setAutoRead(true);
        }
    }
}
