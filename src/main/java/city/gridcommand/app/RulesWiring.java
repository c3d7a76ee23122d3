package city.gridcommand.app;

import city.gridcommand.locate.WorkerSettings;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.rules.RuleJudge;
import city.gridcommand.rules.runtime.RuleMetrics;
import city.gridcommand.rules.runtime.RuleSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the judge stage: the rule engine with the stored rule set, or the default file until one is stored. */
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
    RuleJudge judge(RuleEngine rules, RuleMetrics metrics) {
        return new RuleJudge(rules, metrics::fired);
    }
}
