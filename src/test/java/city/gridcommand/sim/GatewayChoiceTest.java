package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayChoiceTest {

    private static final List<Device> DEVICES = List.of(
            device("smk-000001", "lora-440305002"), device("cam-000001", "nvr-440305001"),
            device("smk-000002", "lora-440305001"), device("cam-000002", null),
            device("nse-000001", "lora-440305001"), device("cam-000003", "nvr-440305002"));

    @Test
    void gatewaysAreChosenInStreetOrderConcentratorBeforeVideoPlatformAndTheFirstDies() {
        GatewayChoice two = GatewayChoice.of(DEVICES, 2);

        assertThat(two.gateways()).containsExactly("lora-440305001", "nvr-440305001");
        assertThat(two.dying()).isEqualTo("lora-440305001");
        assertThat(two.behind()).containsOnly(
                java.util.Map.entry("smk-000002", "lora-440305001"), java.util.Map.entry("nse-000001", "lora-440305001"),
                java.util.Map.entry("cam-000001", "nvr-440305001"));
        assertThat(GatewayChoice.of(DEVICES, 4).gateways())
                .containsExactly("lora-440305001", "nvr-440305001", "lora-440305002", "nvr-440305002");
    }

    @Test
    void noneChosenIsEveryDeviceAlone() {
        GatewayChoice none = GatewayChoice.of(DEVICES, 0);

        assertThat(none.gateways()).isEmpty();
        assertThat(none.dying()).isNull();
        assertThat(none.behind()).isEmpty();
    }

    @Test
    void moreThanTheCityHasIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> GatewayChoice.of(DEVICES, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--gateways must be at most 4");
        assertThatThrownBy(() -> GatewayChoice.of(DEVICES, -1)).hasMessageContaining("--gateways");
    }

    @Test
    void theStandardCityHasEachStreetsTwoGateways() {
        GatewayChoice all = GatewayChoice.of(StandardCity.get().devices(), 16);

        assertThat(all.gateways()).hasSize(16).startsWith("lora-440305001", "nvr-440305001", "lora-440305002");
        long alone = StandardCity.get().devices().stream().filter(d -> d.gateway() == null).count();
        assertThat(all.behind()).hasSize(StandardCity.get().devices().size() - (int) alone);
    }

    private static Device device(String id, String gateway) {
        return new Device(id, id.startsWith("cam") ? DeviceType.CAMERA : DeviceType.SENSOR, id, null, List.of("x"),
                null, gateway);
    }
}
