package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.PolicyJson;
import city.gridcommand.alerts.PolicyResult;
import city.gridcommand.alerts.PolicySet;
import city.gridcommand.store.AlertRepository;
import city.gridcommand.store.Await;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * The escalation policies in force: the stored set (replaced whole through the API), else the default file
 * {@code alerts/alert-policies.json}. Read from the database by the watch at each page, so a set replaced on
 * one instance is in force on every instance from their next page; parsed again only when it changed.
 */
@ApplicationScoped
public class AlertPolicies {

    private static final Logger LOG = Logger.getLogger(AlertPolicies.class);
    static final String DEFAULT_FILE = "/alerts/alert-policies.json";

    private final AlertRepository repository;
    private final PolicySet defaults;
    private volatile String lastJson;
    private volatile PolicySet lastSet;

    AlertPolicies(AlertRepository repository) {
        this.repository = repository;
        PolicyResult result = PolicyJson.parse(defaultFile());
        if (!result.accepted()) {
            throw new IllegalStateException("the default alert policies do not validate: " + result.problems());
        }
        this.defaults = result.policies();
    }

    /** The set in force now (blocks: the stored set is read). */
    public PolicySet current() {
        return of(Await.result(repository.policies()));
    }

    /** Validates {@code json} as a whole and stores it when it is valid; the problems otherwise. */
    public PolicyResult replace(byte[] json) {
        PolicyResult result = PolicyJson.parse(json);
        if (result.accepted()) {
            Await.result(repository.replacePolicies(new String(PolicyJson.write(result.policies()),
                    StandardCharsets.UTF_8)));
        }
        return result;
    }

    private PolicySet of(String stored) {
        if (stored == null) {
            return defaults;
        }
        if (stored.equals(lastJson)) {
            return lastSet;
        }
        PolicyResult result = PolicyJson.parse(stored.getBytes(StandardCharsets.UTF_8));
        if (!result.accepted()) {
            LOG.errorf("the stored alert policies no longer validate (%s); the default policies are in force",
                    result.problems());
            return defaults;
        }
        lastSet = result.policies();
        lastJson = stored;
        return lastSet;
    }

    private static byte[] defaultFile() {
        try (InputStream in = AlertPolicies.class.getResourceAsStream(DEFAULT_FILE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_FILE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
