package city.gridcommand.rules.runtime;

import city.gridcommand.rules.DefaultRules;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.rules.RuleSet;
import city.gridcommand.rules.RuleSetParser;
import city.gridcommand.rules.RuleSetResult;
import city.gridcommand.rules.RuleSetWriter;
import city.gridcommand.store.Await;
import city.gridcommand.store.RuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * The rule set in force: the stored one, else the default file. A replacement is validated whole
 * (refused with every problem, never half-applied), stored, then swapped into the engine; other
 * instances pick it up from the database ({@link RuleTicker}).
 */
@ApplicationScoped
public class RuleSets {

    private static final Logger LOG = Logger.getLogger(RuleSets.class);

    private final RuleSetRepository repository;
    private volatile String stored;

    RuleSets(RuleSetRepository repository) {
        this.repository = repository;
    }

    /** Blocking: read once when the engine is built. */
    public RuleSet inForce() {
        stored = Await.result(repository.current());
        if (stored == null) {
            return DefaultRules.load();
        }
        RuleSetResult parsed = RuleSetParser.parse(stored.getBytes(StandardCharsets.UTF_8));
        if (!parsed.accepted()) {
            LOG.errorf("the stored rule set no longer validates (%s); using the default rules", parsed.problems());
            return DefaultRules.load();
        }
        return parsed.ruleSet();
    }

    /** Validates and, if it passes, stores and applies; the result names every problem otherwise. Blocking. */
    public RuleSetResult replace(byte[] json, RuleEngine engine) {
        RuleSetResult parsed = RuleSetParser.parse(json);
        if (parsed.accepted()) {
            String canonical = new String(RuleSetWriter.toJson(parsed.ruleSet()), StandardCharsets.UTF_8);
            Await.result(repository.replace(canonical));
            stored = Await.result(repository.current());
            engine.replaceRules(parsed.ruleSet());
        }
        return parsed;
    }

    /**
     * The rule set stored by another instance since this one last looked, or null. Blocking.
     */
    RuleSet storedElsewhere() {
        String now = Await.result(repository.current());
        if (now == null || now.equals(stored)) {
            return null;
        }
        RuleSetResult parsed = RuleSetParser.parse(now.getBytes(StandardCharsets.UTF_8));
        stored = now;
        if (!parsed.accepted()) {
            LOG.errorf("the rule set stored by another instance does not validate here (%s); keeping the rules "
                    + "in force", parsed.problems());
            return null;
        }
        return parsed.ruleSet();
    }
}
