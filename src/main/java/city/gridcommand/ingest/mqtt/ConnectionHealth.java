package city.gridcommand.ingest.mqtt;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one broker connection can say about itself to the health checks and the meters: whether it has a
 * session with every feed subscribed, since when it has had none, the last thing that went wrong, and
 * how often connecting failed and the broker refused a feed. Written from the connection's event loop,
 * read from anywhere.
 */
final class ConnectionHealth {

    private final String clientId;
    private final AtomicLong sessionsStarted = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong subscriptionsRefused = new AtomicLong();
    private volatile boolean sessionUp;
    private volatile boolean subscribed;
    private volatile List<String> refusedFeeds = List.of();
    private volatile long downSinceNanos = System.nanoTime();
    private volatile long downSinceMillis = System.currentTimeMillis();
    private volatile String lastProblem = "not connected yet";

    ConnectionHealth(String clientId) {
        this.clientId = clientId;
    }

    /** The broker accepted our CONNECT: a session, not yet subscribed. */
    void sessionStarted() {
        sessionsStarted.incrementAndGet();
        sessionUp = true;
        subscribed = false;
    }

    /** The broker answered the subscription: {@code refused} lists the feeds it refused, with their codes. */
    void subscribed(List<String> refused) {
        refusedFeeds = List.copyOf(refused);
        subscribed = true;
        if (!refused.isEmpty()) {
            subscriptionsRefused.addAndGet(refused.size());
            lastProblem = "the broker refused " + String.join(", ", refused);
        }
    }

    /** The session ended (or never started): ingest is cut off from the broker from now on. */
    void sessionEnded(String problem) {
        if (sessionUp) {
            downSinceNanos = System.nanoTime();
            downSinceMillis = System.currentTimeMillis();
        }
        sessionUp = false;
        subscribed = false;
        lastProblem = problem;
    }

    /** An attempt to connect failed before the broker accepted it. */
    void attemptFailed(String problem) {
        connectFailures.incrementAndGet();
        sessionEnded(problem);
    }

    /** A session with every feed subscribed: messages can flow. */
    boolean healthy() {
        return sessionUp && subscribed && refusedFeeds.isEmpty();
    }

    boolean sessionUp() {
        return sessionUp;
    }

    /** How long, in nanoseconds up to {@code now}, there has been no session; 0 while there is one. */
    long downForNanos(long now) {
        return sessionUp ? 0 : now - downSinceNanos;
    }

    /** One sentence for operators. */
    String describe() {
        if (healthy()) {
            return "session up, every feed subscribed";
        }
        if (sessionUp) {
            return subscribed ? "session up, " + lastProblem : "session up, subscribing";
        }
        return "no session since " + Instant.ofEpochMilli(downSinceMillis) + ": " + lastProblem;
    }

    String clientId() {
        return clientId;
    }

    long sessionsStarted() {
        return sessionsStarted.get();
    }

    long connectFailures() {
        return connectFailures.get();
    }

    long subscriptionsRefused() {
        return subscriptionsRefused.get();
    }

    List<String> refusedFeeds() {
        return refusedFeeds;
    }
}
