package city.gridcommand.ingest.mqtt;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the messages one connection holds unacknowledged. At {@code capacity} it stops reading from the
 * socket, so the broker's messages wait in the broker (and TCP) instead of in our heap; once
 * acknowledgements bring the count below three quarters of it, reading resumes. This holds whether or not
 * the broker honours the receive maximum we announce.
 */
final class InflightLimit {

    private final int capacity;
    private final int resumeBelow;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicBoolean resumeScheduled = new AtomicBoolean();
    private final Runnable resume = this::resume;
    private volatile Channel channel;
    private volatile boolean paused;
    private volatile boolean stopped;

    InflightLimit(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.resumeBelow = Math.max(1, this.capacity - this.capacity / 4);
    }

    /** Reads from {@code channel} from now on, paused if the limit is already reached; on its event loop. */
    void attach(Channel channel) {
        this.channel = channel;
        if (stopped || held.get() >= capacity) {
            pause();
        }
    }

    private void pause() {
        paused = true;
        channel.config().setAutoRead(false);
        // every acknowledgement may have come in before paused was set: then none would resume
        resume();
    }

    /** One more message held; on the event loop. */
    void taken() {
        if (held.incrementAndGet() >= capacity && !paused) {
            pause();
        }
    }

    /** One message acknowledged (or handed back to the broker); from any thread. */
    void released() {
        if (held.decrementAndGet() < resumeBelow && paused && resumeScheduled.compareAndSet(false, true)) {
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

    private void resume() {
        resumeScheduled.set(false);
        Channel current = channel;
        if (paused && !stopped && held.get() < resumeBelow) {
            paused = false;
            current.config().setAutoRead(true);
        }
    }
}
