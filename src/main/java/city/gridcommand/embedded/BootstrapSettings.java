package city.gridcommand.embedded;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The few settings read before Quarkus starts, because they decide whether the embedded broker and
 * database are needed. Each is a system property or the matching environment variable
 * ({@code grid.mqtt.url} or {@code GRID_MQTT_URL}).
 *
 * @param mqttUrl        an external broker; when empty the embedded broker is started
 * @param dbUrl          an external PostgreSQL ({@code postgresql://host:port/db}); when empty the embedded one
 * @param dataDir        where the embedded broker and database keep their data. Default {@code data}
 * @param brokerPort     the embedded broker's port. Default 1883
 * @param brokerBindHost the embedded broker's bind address. Default 127.0.0.1
 * @param dbPort         the embedded database's port; 0 picks a free one. Default 0
 */
public record BootstrapSettings(Optional<String> mqttUrl, Optional<String> dbUrl, Path dataDir, int brokerPort,
        String brokerBindHost, int dbPort) {

    /** Reads the settings from system properties, then environment variables. */
    public static BootstrapSettings fromEnvironment() {
        return from(name -> {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            return value == null || value.isBlank() ? null : value.trim();
        });
    }

    static BootstrapSettings from(Function<String, String> lookup) {
        return new BootstrapSettings(
                Optional.ofNullable(lookup.apply("grid.mqtt.url")),
                Optional.ofNullable(lookup.apply("grid.db.url")),
                Path.of(Optional.ofNullable(lookup.apply("grid.data-dir")).orElse("data")),
                integer(lookup, "grid.embedded.mqtt-port", 1883),
                Optional.ofNullable(lookup.apply("grid.embedded.mqtt-host")).orElse("127.0.0.1"),
                integer(lookup, "grid.embedded.db-port", 0));
    }

    private static int integer(Function<String, String> lookup, String name, int fallback) {
        String value = lookup.apply(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new EmbeddedStartException(name + " must be a port number, not '" + value + "'");
        }
    }
}
