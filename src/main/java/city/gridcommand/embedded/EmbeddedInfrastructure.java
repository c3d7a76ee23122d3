package city.gridcommand.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the embedded broker and database that are not configured, and says which settings point the
 * service at them. Used by the launcher and by the tests, so both run the same way.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedInfrastructure.class);

    private final Optional<EmbeddedBroker> broker;
    private final Optional<EmbeddedDatabase> database;
    private final Map<String, String> settings;

    private EmbeddedInfrastructure(Optional<EmbeddedBroker> broker, Optional<EmbeddedDatabase> database,
            Map<String, String> settings) {
        this.broker = broker;
        this.database = database;
        this.settings = settings;
    }

    /** Starts what {@code bootstrap} leaves unconfigured. */
    public static EmbeddedInfrastructure startMissing(BootstrapSettings bootstrap) {
        Map<String, String> settings = new LinkedHashMap<>();
        EmbeddedDatabase database = null;
        if (bootstrap.dbUrl().isEmpty()) {
            LOG.infof("no GRID_DB_URL set: starting the embedded PostgreSQL in %s", bootstrap.dataDir().resolve("postgres"));
            database = EmbeddedDatabase.start(bootstrap.dataDir().resolve("postgres"), bootstrap.dbPort());
            settings.put("grid.db.url", database.url());
            settings.put("grid.db.username", "postgres");
            if (System.getenv("GRID_DEMO_ENABLED") == null && System.getProperty("grid.demo.enabled") == null) {
                // a fresh embedded database gets the demo city, so the service is usable at once
                settings.put("grid.demo.enabled", "true");
            }
            if (System.getenv("GRID_AUTH_BUILTIN_ISSUER_ALLOWED") == null
                    && System.getProperty("grid.auth.builtin-issuer-allowed") == null) {
                // the embedded mode is the demo and development mode: it may sign its own tokens
                settings.put("grid.auth.builtin-issuer-allowed", "true");
            }
        }
        EmbeddedBroker broker = null;
        if (bootstrap.mqttUrl().isEmpty()) {
            LOG.infof("no GRID_MQTT_URL set: starting the embedded MQTT broker on %s:%d", bootstrap.brokerBindHost(),
                    bootstrap.brokerPort());
            try {
                broker = EmbeddedBroker.start(bootstrap.dataDir().resolve("broker"), bootstrap.brokerBindHost(),
                        bootstrap.brokerPort());
            } catch (RuntimeException e) {
                if (database != null) {
                    database.close();
                }
                throw e;
            }
            settings.put("grid.mqtt.url", broker.url());
        }
        return new EmbeddedInfrastructure(Optional.ofNullable(broker), Optional.ofNullable(database), Map.copyOf(settings));
    }

    /** The configuration that points the service at what was started (empty when nothing was). */
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public void close() {
        broker.ifPresent(EmbeddedBroker::close);
        database.ifPresent(EmbeddedDatabase::close);
    }
}
