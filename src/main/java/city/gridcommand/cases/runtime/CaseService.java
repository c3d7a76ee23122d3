package city.gridcommand.cases.runtime;

import city.gridcommand.cases.Actor;
import city.gridcommand.cases.CaseAction;
import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.cases.Refusal;
import city.gridcommand.cases.Transition;
import city.gridcommand.cases.TransitionRequest;
import city.gridcommand.cases.TransitionResult;
import city.gridcommand.store.CaseStore;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.EventRepository;
import city.gridcommand.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one step of a case: locks it, asks the workflow, and writes the transition with its history and
 * change-log entries in one transaction; a refusal changes nothing. A merge's {@code to} must be a stored
 * case (else 400 naming {@code to}) in the actor's cells (else 403 naming its cell and {@code to}); both are
 * checked once the workflow has accepted the step, so they come after the case's own cell, state, role and
 * fields.
 */
@ApplicationScoped
public class CaseService {

    /** A step taken: the stored change (the case afterwards) and the transition the workflow decided. */
    public record CaseStep(EventChange change, Transition transition) {
    }

    private final CaseStore store;
    private final EventRepository events;
    private final CaseWorkflow workflow;

    CaseService(CaseStore store, EventRepository events, CaseWorkflow workflow) {
        this.store = store;
        this.events = events;
        this.workflow = workflow;
    }

    /** Fails with {@link CaseRefusedException} or {@link city.gridcommand.store.CaseNotFoundException}. */
    public CompletionStage<CaseStep> transition(UUID id, TransitionRequest request) {
        UUID mergeTarget = request.action() == CaseAction.MERGE ? uuidOrNull(request.to()) : null;
        CompletionStage<StoredEvent> target = mergeTarget == null ? CompletableFuture.completedFuture(null)
                : events.find(mergeTarget);
        AtomicReference<Transition> taken = new AtomicReference<>();
        return target.thenCompose(into -> store.update(id, event -> {
            TransitionResult result = workflow.apply(CaseSnapshots.of(event), request, System.currentTimeMillis());
            if (result instanceof Refusal refusal) {
                throw new CaseRefusedException(refusal);
            }
            Transition transition = (Transition) result;
            if (transition.action() == CaseAction.MERGE) {
                checkMergeTarget(event, request, into);
            }
            taken.set(transition);
            return CaseSnapshots.update(event, transition);
        })).thenApply(change -> new CaseStep(change, taken.get()));
    }

    /**
     * The steps this actor may take on the stored case now, as the workflow decides them (state, roles,
     * unit, cells, own report or task): what a screen offers as buttons. Fields a step needs ({@code to},
     * a note) are not known yet, so a step listed may still be refused for them.
     */
    public Set<CaseAction> allowedActions(StoredEvent event, Actor actor) {
        return workflow.allowedActions(CaseSnapshots.of(event), actor);
    }

    private static void checkMergeTarget(StoredEvent event, TransitionRequest request, StoredEvent into) {
        if (into == null) {
            throw new CaseRefusedException(Refusal.invalid("to", "'to' must be the id of a case to merge into; "
                    + "there is no case '" + request.to() + "'"));
        }
        if (into.id().equals(event.id())) {
            throw new CaseRefusedException(Refusal.invalid("to", "a case cannot be merged into itself"));
        }
        if (!request.actor().cells().covers(into.cell())) {
            throw new CaseRefusedException(Refusal.outsideScope("to", into.cell(), request.actor().cells()));
        }
    }

    private static UUID uuidOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
