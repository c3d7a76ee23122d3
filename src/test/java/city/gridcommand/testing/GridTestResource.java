package city.gridcommand.testing;

import city.gridcommand.embedded.BootstrapSettings;
import city.gridcommand.embedded.EmbeddedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the @QuarkusTest suite against the embedded broker and database by default, or against real
 * ones when GRID_MQTT_URL / GRID_DB_URL are set (as .ci/run does with the machine's own services).
 * Either way the service gets its own MQTT client id, so runs never share a persistent session.
 */
public class GridTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedInfrastructure infrastructure;

    @Override
    public Map<String, String> start() {
        BootstrapSettings environment = BootstrapSettings.fromEnvironment();
        String run = UUID.randomUUID().toString().substring(0, 8);
        BootstrapSettings settings = new BootstrapSettings(environment.mqttUrl(), environment.dbUrl(),
                Path.of("target", "embedded-test", run), Ports.free(), "127.0.0.1", 0);
        infrastructure = EmbeddedInfrastructure.startMissing(settings);
        Map<String, String> config = new HashMap<>(infrastructure.settings());
        config.put("grid.mqtt.client-id", "grid-command-test-" + run);
        config.put("grid.mqtt.session-expiry-seconds", "300");
        // tests import the grids they need; the demo city is loaded by the packaged-jar test
        config.put("grid.demo.enabled", "false");
        // the built-in issuer, signing with the tests' key: TestTokens mints real tokens it verifies
        Path key = settings.dataDir().resolve("identity").resolve("signing-key.jwk");
        TestTokens.writeKey(key);
        config.put("grid.auth.signing-key", key.toAbsolutePath().toString());
        config.put("grid.auth.builtin-issuer-allowed", "true");
        return config;
    }

    @Override
    public void stop() {
        Optional.ofNullable(infrastructure).ifPresent(EmbeddedInfrastructure::close);
    }
}
