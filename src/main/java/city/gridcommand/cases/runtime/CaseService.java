package city.gridcommand.cases.runtime;

import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.cases.Refusal;
import city.gridcommand.cases.Transition;
import city.gridcommand.cases.TransitionRequest;
import city.gridcommand.cases.TransitionResult;
import city.gridcommand.store.CaseStore;
import city.gridcommand.store.EventChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Runs one step of a case: locks it, asks the workflow, and writes the transition with its history and
 * change-log entries in one transaction; a refusal changes nothing.
 */
@ApplicationScoped
public class CaseService {

    private final CaseStore store;
    private final CaseWorkflow workflow;

    CaseService(CaseStore store, CaseWorkflow workflow) {
        this.store = store;
        this.workflow = workflow;
    }

    /** Fails with {@link CaseRefusedException} or {@link city.gridcommand.store.CaseNotFoundException}. */
    public CompletionStage<EventChange> transition(UUID id, TransitionRequest request) {
        return store.update(id, event -> {
            TransitionResult result = workflow.apply(CaseSnapshots.of(event), request, System.currentTimeMillis());
            if (result instanceof Refusal refusal) {
                throw new CaseRefusedException(refusal);
            }
            return CaseSnapshots.update(event, (Transition) result);
        });
    }
}
