package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.it.process.ItDatabase;
import city.gridcommand.it.process.ServiceProcess;
import city.gridcommand.testing.Ports;
import city.gridcommand.testing.TinyOidcProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production (a real database, GRID_DB_URL) does not sign its own tokens by accident: without
 * GRID_AUTH_ISSUER_URL the packaged service refuses to start, saying why in one message and exiting
 * non-zero, unless GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true; with an identity provider it starts and takes
 * that provider's tokens.
 */
class BuiltInIssuerRefusedIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path FOLDER = Path.of("target", "it-issuer-" + RUN);

    private static ItDatabase database;

    @BeforeAll
    static void startTheDatabase() {
        database = ItDatabase.start(FOLDER.resolve("postgres"));
    }

    @AfterAll
    static void stopIt() {
        if (database != null) {
            database.close();
        }
    }

    /** A real database and a broker address (nobody answers there: the API does not need the broker). */
    private static Map<String, String> production(String name) {
        Map<String, String> environment = new HashMap<>();
        environment.put("GRID_DB_URL", database.url());
        environment.put("GRID_DB_USERNAME", database.user());
        environment.put("GRID_MQTT_URL", "tcp://127.0.0.1:" + Ports.free());
        environment.put("GRID_MQTT_CLIENT_ID", "grid-command-it-" + name + "-" + RUN);
        environment.put("GRID_DATA_DIR", FOLDER.resolve("data-" + name).toAbsolutePath().toString());
        environment.put("GRID_DEMO_ENABLED", "false");
        return environment;
    }

    @Test
    void withoutAnIdentityProviderTheServiceRefusesToStartAndSaysWhy() throws Exception {
        ServiceProcess service = new ServiceProcess(production("refused"), FOLDER.resolve("logs-refused"));
        try {
            int status = service.runUntilItExits(Duration.ofSeconds(90));
            String log = service.log();
            assertThat(status).as(log).isNotZero();
            assertThat(log).contains("Grid Command cannot start", "GRID_AUTH_ISSUER_URL",
                    "GRID_AUTH_BUILTIN_ISSUER_ALLOWED=true");
            assertThat(log).as("a message, not a stack trace").doesNotContain("\tat ", "Exception");
        } finally {
            service.close();
        }
    }

    @Test
    void theBuiltInIssuerStartsWhenAllowedExplicitly() throws Exception {
        Map<String, String> environment = production("allowed");
        environment.put("GRID_AUTH_BUILTIN_ISSUER_ALLOWED", "true");
        try (ServiceProcess service = new ServiceProcess(environment, FOLDER.resolve("logs-allowed"))) {
            service.startApi();
            assertThat(service.get("/api/v1/auth/jwks")).isEqualTo(200);
            String admin = service.token("--user", "ops", "--role", "admin", "--cells", "*");
            assertThat(service.get("/api/v1/stats/ingest", admin).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withAnIdentityProviderItStartsAndTakesThatProvidersTokens() throws Exception {
        try (TinyOidcProvider provider = TinyOidcProvider.start()) {
            Map<String, String> environment = production("provider");
            environment.put("GRID_AUTH_ISSUER_URL", provider.issuer());
            try (ServiceProcess service = new ServiceProcess(environment, FOLDER.resolve("logs-provider"))) {
                service.startApi();
                String admin = provider.token("ops", claims -> {
                    claims.setStringListClaim("roles", List.of("admin"));
                    claims.setStringListClaim("cells", List.of("*"));
                });
                assertThat(service.get("/api/v1/stats/ingest", admin).statusCode()).isEqualTo(200);
                assertThat(service.get("/api/v1/stats/ingest")).isEqualTo(401);
                assertThat(service.get("/api/v1/auth/jwks")).as("the built-in issuer's key is not served").isEqualTo(404);
            }
        }
    }
}
