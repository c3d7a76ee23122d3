package city.gridcommand.app;

import city.gridcommand.live.ChangeNotifications;
import city.gridcommand.live.EventChangeRelay;
import city.gridcommand.store.CaseStore;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The publish stage and the writers that feed it: every committed event change, from a batch of signals
 * or from a case written on its own, goes to the one relay that hands it to whoever shows it; and the
 * notifications that wake this instance's tail of the change log, on a connection to the service's
 * database of their own.
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

    @Produces
    @Singleton
    ChangeNotifications changeNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return new ChangeNotifications(vertx, options);
    }
}
