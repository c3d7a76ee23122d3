package city.gridcommand.cases.runtime;

import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.store.Await;
import city.gridcommand.store.CaseStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The durable timers of cases: every {@code grid.cases.deadline-scan}, open cases past their step's
 * deadline are claimed in PostgreSQL ({@code FOR UPDATE SKIP LOCKED}, so instances share the work and
 * never escalate a case twice), marked overdue and escalated. The deadline is a column of the case, so
 * timers survive restarts.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final int BATCH = 100;

    private final CaseStore store;
    private final CaseWorkflow workflow;

    DeadlineWatch(CaseStore store, CaseWorkflow workflow) {
        this.store = store;
        this.workflow = workflow;
    }

    @Scheduled(every = "${grid.cases.deadline-scan}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdue() {
        long now = System.currentTimeMillis();
        Await.result(store.escalateDue(now, BATCH, event -> workflow.escalation()
                .onDeadlinePassed(CaseSnapshots.of(event), now)
                .map(transition -> CaseSnapshots.update(event, transition)).orElse(null)));
    }
}
