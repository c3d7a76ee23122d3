package city.gridcommand.cases.runtime;

import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.rules.ClearingCheck;
import city.gridcommand.rules.ClearingCheck.Candidate;
import city.gridcommand.rules.ClearingCheck.Evidence;
import city.gridcommand.rules.ClearingCheck.Needs;
import city.gridcommand.rules.ClearingCheck.SenderLife;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.store.Await;
import city.gridcommand.store.CaseStore;
import city.gridcommand.store.ClearingEvidenceRepository;
import city.gridcommand.store.ClearingEvidenceRepository.CameraQuery;
import city.gridcommand.store.ClearingEvidenceRepository.Heard;
import city.gridcommand.store.EventRepository;
import city.gridcommand.store.StoredEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Closes what cleared: every {@code grid.cases.clear-scan} (unless {@code grid.cases.auto-clear} is false), the open events a rule raised that nobody
 * has registered are judged by {@link ClearingCheck} against what the database holds (so it does not
 * matter which instance took the signals, or whether the service restarted), a page at a time. One that
 * has cleared is locked, checked again (still reported, no signal joined since it was judged) and closed
 * by the workflow's {@code clear} step, by the system, with the reason in its history. An event being
 * worked on by another instance or a person at that moment is left for the next scan.
 */
@ApplicationScoped
public class ClearingWatch {

    private static final Logger LOG = Logger.getLogger(ClearingWatch.class);
    private static final int PAGE = 200;

    private final CasesSettings settings;
    private final EventRepository events;
    private final ClearingEvidenceRepository evidence;
    private final CaseStore cases;
    private final CaseWorkflow workflow;
    private final RuleEngine rules;

    ClearingWatch(CasesSettings settings, EventRepository events, ClearingEvidenceRepository evidence,
            CaseStore cases, CaseWorkflow workflow, RuleEngine rules) {
        this.settings = settings;
        this.events = events;
        this.evidence = evidence;
        this.cases = cases;
        this.workflow = workflow;
        this.rules = rules;
    }

    @Scheduled(every = "${grid.cases.clear-scan}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        if (settings.autoClear()) {
            clearAll(System.currentTimeMillis());
        }
    }

    /** Judges every unregistered machine event at {@code now}; returns how many were cleared. */
    public int clearAll(long now) {
        ClearingCheck check = new ClearingCheck(rules.rules());
        int cleared = 0;
        UUID after = null;
        List<StoredEvent> page;
        do {
            page = Await.result(events.unregisteredMachineEvents(after, PAGE));
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            cleared += clearPage(check, page, now);
        } while (page.size() == PAGE);
        if (cleared > 0) {
            LOG.debugf("%d machine events cleared by themselves", cleared);
        }
        return cleared;
    }

    private int clearPage(ClearingCheck check, List<StoredEvent> page, long now) {
        List<Candidate> candidates = page.stream().map(ClearingWatch::candidate).toList();
        Evidence read = evidenceFor(check.needs(candidates), now);
        int cleared = 0;
        for (int i = 0; i < page.size(); i++) {
            Optional<String> reason = check.cleared(candidates.get(i), read, now);
            if (reason.isPresent() && close(page.get(i), reason.get(), now)) {
                cleared++;
            }
        }
        return cleared;
    }

    /** What the database holds of the needed senders, in the terms of the check. */
    private Evidence evidenceFor(Needs needs, long now) {
        List<CameraQuery> cameras = needs.cameras().entrySet().stream()
                .map(e -> new CameraQuery(e.getKey().id(), e.getValue(), e.getKey().kinds(), e.getKey().minConfidence(),
                        now - e.getKey().clearAfter().toMillis()))
                .toList();
        Heard heard = Await.result(evidence.read(needs.sensors(), needs.devices(), needs.workers(), cameras));
        Map<String, SenderLife> lives = new HashMap<>();
        heard.lastHeard().forEach((sender, last) -> lives.put(sender, new SenderLife(last.receivedAt(), last.offline())));
        return new Evidence(heard.readings(), lives, heard.seeing());
    }

    private boolean close(StoredEvent judged, String reason, long now) {
        return Await.result(cases.updateIfUnchanged(judged.id(), event -> event.signals() == judged.signals(),
                event -> workflow.clear(CaseSnapshots.of(event), reason, now)
                        .map(transition -> CaseSnapshots.update(event, transition)).orElse(null))).isPresent();
    }

    private static Candidate candidate(StoredEvent event) {
        return new Candidate(event.category(), event.sources());
    }
}
