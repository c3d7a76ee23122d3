package city.gridcommand.it.process;

import city.gridcommand.embedded.EmbeddedBroker;
import city.gridcommand.testing.Ports;
import city.gridcommand.testing.TestTokens;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What several instances of the packaged service share: one broker (the machine's when GRID_MQTT_URL is set,
 * else an embedded HiveMQ), one PostgreSQL ({@link ItDatabase}), one MQTT shared-subscription group, and one
 * signing key of the built-in issuer (the tests' key, written where GRID_AUTH_SIGNING_KEY points, so
 * {@link TestTokens} mints tokens good on every instance, and every instance derives the same live-ticket
 * secret from it). {@link #instance} makes a {@link ServiceProcess} on them.
 */
public final class SharedBackends implements AutoCloseable {

    private final String run;
    private final Path folder;
    private final EmbeddedBroker hivemq;
    private final String brokerUrl;
    private final ItDatabase database;
    private final Path signingKey;

    private SharedBackends(String run, Path folder, EmbeddedBroker hivemq, String brokerUrl, ItDatabase database,
            Path signingKey) {
        this.run = run;
        this.folder = folder;
        this.hivemq = hivemq;
        this.brokerUrl = brokerUrl;
        this.database = database;
        this.signingKey = signingKey;
    }

    /** Starts the broker and database the instances of {@code run} share, under {@code folder}. */
    public static SharedBackends start(String run, Path folder) {
        String brokerUrl = System.getenv("GRID_MQTT_URL");
        EmbeddedBroker hivemq = null;
        if (brokerUrl == null || brokerUrl.isBlank()) {
            hivemq = EmbeddedBroker.start(folder.resolve("hivemq"), "127.0.0.1", Ports.free());
            brokerUrl = hivemq.url();
        }
        ItDatabase database = ItDatabase.start(folder.resolve("postgres"));
        Path signingKey = folder.resolve("identity").resolve("signing-key.jwk").toAbsolutePath();
        TestTokens.writeKey(signingKey);
        return new SharedBackends(run, folder, hivemq, brokerUrl, database, signingKey);
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public ItDatabase database() {
        return database;
    }

    /** An instance (not started) on the shared broker, database and key; its logs under {@code logs-{name}}. */
    public ServiceProcess instance(String name) {
        return instance(name, Map.of());
    }

    /** The same, with more settings (environment variables) of its own. */
    public ServiceProcess instance(String name, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>();
        environment.put("GRID_MQTT_URL", brokerUrl);
        environment.put("GRID_MQTT_CLIENT_ID", "grid-command-it-" + name + "-" + run);
        environment.put("GRID_MQTT_SHARED_GROUP", "grid-it-" + run);
        environment.put("GRID_DB_URL", database.url());
        environment.put("GRID_DB_USERNAME", database.user());
        environment.put("GRID_DEMO_ENABLED", "false");
        // a real database: the built-in issuer must be allowed explicitly; the instances share its key
        environment.put("GRID_AUTH_BUILTIN_ISSUER_ALLOWED", "true");
        environment.put("GRID_AUTH_SIGNING_KEY", signingKey.toString());
        environment.putAll(settings);
        return new ServiceProcess(environment, folder.resolve("logs-" + name));
    }

    @Override
    public void close() {
        database.close();
        if (hivemq != null) {
            hivemq.close();
        }
    }
}
