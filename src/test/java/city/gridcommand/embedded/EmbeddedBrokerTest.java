package city.gridcommand.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @Test
    void saysHowToUseTheBrokerAlreadyOnAPortThatIsTaken(@TempDir Path folder) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedBroker.start(folder, "127.0.0.1", port))
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("GRID_MQTT_URL=tcp://127.0.0.1:" + port)
                    .hasMessageContaining("GRID_EMBEDDED_MQTT_PORT");
        }
    }

    @Test
    void readsBootstrapSettingsWithDefaults() {
        BootstrapSettings defaults = BootstrapSettings.from(name -> null);
        assertThat(defaults.mqttUrl()).isEmpty();
        assertThat(defaults.dbUrl()).isEmpty();
        assertThat(defaults.dataDir()).isEqualTo(Path.of("data"));
        assertThat(defaults.brokerPort()).isEqualTo(1883);

        Map<String, String> set = Map.of("grid.mqtt.url", "tcp://broker:1883", "grid.embedded.mqtt-port", "11883");
        BootstrapSettings configured = BootstrapSettings.from(set::get);
        assertThat(configured.mqttUrl()).contains("tcp://broker:1883");
        assertThat(configured.brokerPort()).isEqualTo(11883);
        assertThatThrownBy(() -> BootstrapSettings.from(Map.of("grid.embedded.mqtt-port", "x")::get))
                .hasMessageContaining("grid.embedded.mqtt-port");
    }
}
