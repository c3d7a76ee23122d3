package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AlertPlanner;
import city.gridcommand.alerts.AlertReason;
import city.gridcommand.alerts.EscalationPolicy;
import city.gridcommand.alerts.EventFacts;
import city.gridcommand.alerts.EventMemory;
import city.gridcommand.alerts.Grouping;
import city.gridcommand.alerts.PolicySet;
import city.gridcommand.live.ChangeTail;
import city.gridcommand.store.AlertRepository;
import city.gridcommand.store.AlertWork;
import city.gridcommand.store.ChangePage;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.LogPosition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Follows the change log for alerts, each change exactly once across instances: the one cursor row
 * ({@code alert_cursor}) is taken {@code FOR UPDATE SKIP LOCKED}, so one instance at a time handles a page;
 * the page's alerts (opened, joined, ended), their recipients and deliveries, what is remembered of each event
 * and the moved cursor are written in one transaction. The instance that committed then delivers the new
 * deliveries at once ({@link AlertDeliveries}); those it cannot are left to the timers' scan. Woken by the
 * change tail (a change committed on any instance) and by a poll every {@code grid.alerts.scan}.
 */
@ApplicationScoped
public class AlertWatch {

    private static final Logger LOG = Logger.getLogger(AlertWatch.class);

    /** What one page did: the deliveries to make now, whether the log may hold more, whether another instance held the cursor. */
    public record PageResult(List<Long> deliveries, boolean more, boolean busy, int alertsOpened) {
    }

    private final AlertRepository repository;
    private final AlertPolicies policies;
    private final ChainWriter chains;
    private final AlertDeliveries deliveries;
    private final AlertSettings settings;
    private final AlertMetrics metrics;
    private final ChangeTail tail;
    private final AlertPlanner planner;
    private final AtomicBoolean woken = new AtomicBoolean();
    private ScheduledExecutorService thread;
    private ChangeTail.Subscription subscription;

    AlertWatch(AlertRepository repository, AlertPolicies policies, ChainWriter chains, AlertDeliveries deliveries,
            AlertSettings settings, AlertMetrics metrics, ChangeTail tail) {
        this.repository = repository;
        this.policies = policies;
        this.chains = chains;
        this.deliveries = deliveries;
        this.settings = settings;
        this.metrics = metrics;
        this.tail = tail;
        this.planner = new AlertPlanner(settings.minSeverity());
    }

    /** Starts following: woken by the change tail (start it first) and by a poll. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-watch");
            t.setDaemon(true);
            return t;
        });
        long every = settings.scan().toMillis();
        thread.scheduleWithFixedDelay(this::catchUp, 0, every, TimeUnit.MILLISECONDS);
        subscription = tail.follow(change -> wake());
        LOG.infof("alerts follow the change log (threshold %s, %s)", settings.minSeverity(),
                settings.enabled() ? "enabled" : "disabled: nobody is alerted");
    }

    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    private void wake() {
        ScheduledExecutorService current = thread;
        if (current != null && woken.compareAndSet(false, true)) {
            current.execute(() -> {
                woken.set(false);
                catchUp();
            });
        }
    }

    /** Handles pages until the log is caught up or another instance holds the cursor. */
    void catchUp() {
        try {
            PageResult page;
            do {
                page = handlePage();
                deliveries.deliver(page.deliveries());
            } while (page.more() && !page.busy());
        } catch (RuntimeException e) {
            LOG.warnf(e, "alerts could not handle the change log; retrying at the next poll");
        }
    }

    /** One page of the change log in one transaction (blocks); its deliveries are not made here. */
    public PageResult handlePage() {
        long now = System.currentTimeMillis();
        PolicySet policySet = policies.current();
        PageResult result = repository.inTransaction(work -> {
            Optional<AlertWork.Cursor> cursor = work.lockCursor();
            if (cursor.isEmpty()) {
                return new PageResult(List.of(), false, true, 0);
            }
            LogPosition log = work.logPosition();
            if (!cursor.get().epoch().equals(log.epoch())) {
                LOG.warnf("the change log is another one (epoch %s, the alerts' cursor was of %s): alerts go on from "
                        + "its position now, seq %d", log.epoch(), cursor.get().epoch(), log.seq());
                work.moveCursor(log.epoch(), log.seq());
                return new PageResult(List.of(), false, false, 0);
            }
            long from = cursor.get().seq();
            ChangePage page = work.changesAfter(from, settings.page());
            if (page.tooOld()) {
                LOG.warnf("changes after seq %d were pruned before alerts handled them", from);
            }
            if (page.changes().isEmpty()) {
                return new PageResult(List.of(), false, false, 0);
            }
            List<UUID> ids = page.changes().stream().map(c -> c.event().id()).distinct().toList();
            Map<String, EventMemory> remembered = work.memories(ids);
            Map<String, EventMemory> now1 = new LinkedHashMap<>();
            List<Long> due = new ArrayList<>();
            int opened = 0;
            for (EventChange change : page.changes()) {
                // each change behind a savepoint: one that fails (a bug, data the tables refuse) is recorded and
                // skipped instead of holding every later alert back; a lost connection still fails the page
                int dueBefore = due.size();
                work.savepoint();
                try {
                    EventFacts event = Facts.of(change.event());
                    EventMemory before = now1.containsKey(event.id()) ? now1.get(event.id()) : remembered.get(event.id());
                    Optional<AlertReason> reason = planner.plan(before, event, EventChange.RAISED.equals(change.type()));
                    if (reason.isPresent() && settings.enabled()) {
                        opened += handle(work, event, reason.get(), policySet, now, due);
                    }
                    now1.put(event.id(), event.memory());
                } catch (RuntimeException e) {
                    work.rollbackToSavepoint();
                    due.subList(dueBefore, due.size()).clear();
                    work.recordFailedChange(change.seq(), change.event().id(), String.valueOf(e), now);
                    metrics.changeFailed();
                    LOG.errorf(e, "change %d of event %s could not be judged for alerts: recorded in "
                            + "alert_failed_change and skipped", change.seq(), change.event().id());
                }
            }
            work.remember(now1.values(), now);
            work.moveCursor(log.epoch(), page.lastSeq(from));
            return new PageResult(due, page.changes().size() == settings.page(), false, opened);
        });
        for (int i = 0; i < result.alertsOpened(); i++) {
            metrics.raised();
        }
        return result;
    }

    /** How many alerts it opened (0 or 1). */
    private int handle(AlertWork work, EventFacts event, AlertReason reason, PolicySet policySet, long now,
            List<Long> due) {
        UUID eventId = UUID.fromString(event.id());
        if (reason == AlertReason.RESOLVED) {
            work.endAlertsOfEvent(eventId, "resolved", now);
            return 0;
        }
        Optional<EscalationPolicy> policy = policySet.policyFor(event.category(), event.severity());
        if (policy.isEmpty()) {
            return 0;
        }
        if (reason == AlertReason.RAISED) {
            Grouping.OpenAlert open = work.openAlertInCell(event.cell(), now);
            if (Grouping.joins(open, policy.get().id(), reason, now)) {
                work.addEvent(UUID.fromString(open.alertId()), eventId, reason.wireName(), now, true);
                return 0;
            }
        } else {
            // a later alert of the event takes over from its running one
            work.endAlertsOfEvent(eventId, "superseded", now);
        }
        chains.open(work, event, reason, policy.get(), now, due);
        return 1;
    }
}
