package city.gridcommand.sim;

import java.util.concurrent.atomic.AtomicLong;

/** The broker's answers to a run's publishes, over all its connections: acknowledged, failed, the last failure. */
final class Deliveries {

    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Throwable lastFailure;

    void acked() {
        acked.incrementAndGet();
    }

    void failed(Throwable error) {
        lastFailure = error;
        failed.incrementAndGet();
    }

    long ackedCount() {
        return acked.get();
    }

    long failedCount() {
        return failed.get();
    }

    /** Why the last failed publish failed, or null. */
    Throwable lastFailure() {
        return lastFailure;
    }
}
