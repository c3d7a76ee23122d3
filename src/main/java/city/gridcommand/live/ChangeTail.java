package city.gridcommand.live;

import city.gridcommand.store.Await;
import city.gridcommand.store.ChangeLogReader;
import city.gridcommand.store.ChangePage;
import city.gridcommand.store.EventChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * This instance's follower of the change log: every committed event change, written by any instance,
 * goes to every listener once, in seq order. It starts from the log's position when it starts, is
 * woken when a transaction that logged changes commits ({@link ChangeNotifications}) and reads the log
 * every {@code grid.live.tail.poll} besides, so a notification missed only delays a change. The log is
 * read a page at a time from the last seq delivered, which the seq's commit order makes safe
 * (store.ChangeLog).
 *
 * <p>Listeners are called one after the other on the tail's own thread and must only hand the change
 * on (enqueue it, send it without waiting): while one runs, the tail delivers nothing. A listener that
 * fails is logged and does not stop the others.
 */
@ApplicationScoped
public class ChangeTail {

    /** A listener's place at the tail; closing it stops the deliveries to the listener. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = Logger.getLogger(ChangeTail.class);

    private final ChangeLogReader log;
    private final ChangeNotifications notifications;
    private final Duration poll;
    private final int page;
    private final List<Consumer<EventChange>> listeners = new CopyOnWriteArrayList<>();

    private ScheduledExecutorService thread;
    private volatile long position;
    // both only touched on the tail's thread
    private boolean reading;
    private boolean readAgain;

    @Inject
    ChangeTail(ChangeLogReader log, ChangeNotifications notifications, ChangeTailSettings settings) {
        this(log, notifications, settings.poll(), settings.page());
    }

    /** A tail woken by {@code notifications} (none: by its poll alone). */
    public ChangeTail(ChangeLogReader log, ChangeNotifications notifications, Duration poll, int page) {
        if (poll.isNegative() || poll.isZero() || page < 1) {
            throw new IllegalArgumentException("the tail needs a positive poll and page, not " + poll + " and " + page);
        }
        this.log = log;
        this.notifications = notifications;
        this.poll = poll;
        this.page = page;
    }

    /** From the log's current position: changes committed before are not delivered. Blocks until it is read. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        position = Await.result(log.position()).seq();
        reading = false;
        readAgain = false;
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "change-tail");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::read, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        if (notifications != null) {
            notifications.start(this::wake);
        }
        LOG.infof("following the change log from seq %d", position);
    }

    public synchronized void stop() {
        if (notifications != null) {
            notifications.stop();
        }
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    /** Delivers every change committed from now on to {@code listener}, on the tail's thread, until closed. */
    public Subscription follow(Consumer<EventChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The seq of the last change delivered (at start, the log's position then). */
    public long position() {
        return position;
    }

    /** Reads the log soon, from any thread. */
    void wake() {
        ScheduledExecutorService current = thread;
        if (current != null && !current.isShutdown()) {
            current.execute(this::read);
        }
    }

    /** On the tail's thread: one read at a time; a wake-up during a read makes another after it. */
    private void read() {
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        readAgain = false;
        ScheduledExecutorService current = thread;
        long from = position;
        log.after(from, ChangeLogReader.EVERY_CELL, page).whenCompleteAsync((changes, error) -> {
            reading = false;
            if (error != null) {
                LOG.warnf("the change log could not be read after seq %d (%s); retrying at the next poll", from,
                        error.getMessage());
                return;
            }
            deliver(from, changes);
            if (readAgain || changes.changes().size() == page) {
                read();
            }
        }, current);
    }

    private void deliver(long from, ChangePage changes) {
        if (changes.tooOld()) {
            LOG.warnf("changes after seq %d were pruned before this instance read them", from);
        }
        for (EventChange change : changes.changes()) {
            for (Consumer<EventChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "a change-log listener failed on change %d", change.seq());
                }
            }
            position = change.seq();
        }
    }
}
