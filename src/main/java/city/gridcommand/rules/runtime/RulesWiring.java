package city.gridcommand.rules.runtime;

import city.gridcommand.ingest.SignalPlacer;
import city.gridcommand.locate.CellPlacer;
import city.gridcommand.locate.WorkerSettings;
import city.gridcommand.rules.RuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the correlate stage: the rule engine (with the stored rule set, or the default file until one
 * is stored) behind the locate stage, so ingest gets one placer that locates and judges.
 */
@ApplicationScoped
public class RulesWiring {

    @Produces
    @Singleton
    RuleEngine ruleEngine(RuleSets ruleSets, WorkerSettings workers) {
        var duty = workers.policy().dutyHours();
        return new RuleEngine(ruleSets.inForce(), duty::covers, System::currentTimeMillis);
    }

    @Produces
    @Singleton
    SignalPlacer placer(CellPlacer cells, RuleEngine rules) {
        return new RulesStage(cells, rules);
    }
}
