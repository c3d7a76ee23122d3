package city.gridcommand.app;

import city.gridcommand.live.EventChangeRelay;
import city.gridcommand.store.CaseStore;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The publish stage and the writers that feed it: every committed event change, from a batch of signals
 * or from a case written on its own, goes to the one relay that hands it to whoever shows it.
 */
@ApplicationScoped
public class LiveWiring {

    @Produces
    @Singleton
    EventChangeRelay relay() {
        return new EventChangeRelay();
    }

    @Produces
    @Singleton
    CaseStore caseStore(Pool pool, EventChangeRelay relay) {
        return new CaseStore(pool, relay);
    }
}
