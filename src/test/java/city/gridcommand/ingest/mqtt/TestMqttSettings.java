package city.gridcommand.ingest.mqtt;

import java.time.Duration;
import java.util.Optional;

/** MQTT settings for connections that tests make themselves: the defaults, with short timeouts. */
record TestMqttSettings(String url, Optional<String> username, Optional<String> password, String clientId,
        Duration connackTimeout, Duration subackTimeout, Duration livenessTimeout) implements MqttSettings {

    static TestMqttSettings of(String url, String clientId) {
        return new TestMqttSettings(url, Optional.empty(), Optional.empty(), clientId, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    TestMqttSettings withCredentials(String username, String password) {
        return new TestMqttSettings(url, Optional.of(username), Optional.of(password), clientId, connackTimeout,
                subackTimeout, livenessTimeout);
    }

    TestMqttSettings withConnackTimeout(Duration timeout) {
        return new TestMqttSettings(url, username, password, clientId, timeout, subackTimeout, livenessTimeout);
    }

    @Override
    public Optional<String> sharedGroup() {
        return Optional.empty();
    }

    @Override
    public int connections() {
        return 1;
    }

    @Override
    public long sessionExpirySeconds() {
        return 300;
    }

    @Override
    public Duration keepAlive() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Duration reconnectDelay() {
        return Duration.ofMillis(50);
    }

    @Override
    public Duration maxReconnectDelay() {
        return Duration.ofMillis(500);
    }

    @Override
    public Duration stableAfter() {
        return Duration.ofSeconds(30);
    }
}
