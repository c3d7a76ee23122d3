package city.gridcommand.rules.runtime;

import city.gridcommand.event.EventRaising;
import city.gridcommand.event.EventTrigger;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.rules.RuleSet;
import city.gridcommand.store.Await;
import city.gridcommand.store.CaseStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the rules, every {@code grid.rules.tick}, what silence has raised (a device that stopped
 * reporting, a terminal without positions) and writes those events; applies rule sets stored by other
 * instances.
 */
@ApplicationScoped
public class RuleTicker {

    private final RuleEngine engine;
    private final CaseStore cases;
    private final RuleSets ruleSets;
    private final SenderMemory memory;
    private final EventRaising raising;
    private final RuleMetrics metrics;

    RuleTicker(RuleEngine engine, CaseStore cases, RuleSets ruleSets, SenderMemory memory, EventRaising raising,
            RuleMetrics metrics) {
        this.engine = engine;
        this.cases = cases;
        this.ruleSets = ruleSets;
        this.memory = memory;
        this.raising = raising;
        this.metrics = metrics;
    }

    /** Another instance replaced the rules: apply them here too. */
    @Scheduled(every = "${grid.grids.refresh}", delayed = "${grid.grids.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followReplacements() {
        RuleSet replaced = ruleSets.storedElsewhere();
        if (replaced != null) {
            engine.replaceRules(replaced);
        }
    }

    @Scheduled(every = "${grid.rules.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long now = System.currentTimeMillis();
        List<EventTrigger> triggers = engine.tick(now);
        // a sender is silent only if no instance has stored a later message from it
        Map<Boolean, List<EventTrigger>> silence = triggers.stream()
                .collect(Collectors.partitioningBy(trigger -> engine.isSilenceRule(trigger.ruleId())));
        List<EventTrigger> confirmed = new ArrayList<>(silence.get(false));
        confirmed.addAll(memory.stillSilent(silence.get(true)));
        if (!confirmed.isEmpty()) {
            confirmed.forEach(metrics::fired);
            Await.result(cases.raiseAll(raising.ofTriggers(confirmed, now)));
        }
    }
}
