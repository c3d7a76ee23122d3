package city.gridcommand.sim;

import city.gridcommand.registry.Device;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the demo city's gateways publish for their devices in a run ({@code simulate --gateways=N}): the
 * first N in street order, each street's LoRa concentrator before its video platform, so two gateways are
 * the first street's sensors and cameras. The first of them is the one that dies once during the run. The
 * devices of the other gateways publish alone, as they do without {@code --gateways}.
 *
 * @param gateways the chosen gateways, in order
 * @param dying    the gateway that dies and comes back (null when none is chosen)
 * @param behind   the gateway of each device behind a chosen gateway, by device id
 */
record GatewayChoice(List<String> gateways, String dying, Map<String, String> behind) {

    GatewayChoice {
        gateways = List.copyOf(gateways);
        behind = Map.copyOf(behind);
    }

    /** {@code count} gateways of the devices' gateways; names {@code --gateways} if there are fewer. */
    static GatewayChoice of(List<Device> devices, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("--gateways must not be negative");
        }
        Set<String> all = new TreeSet<>(Comparator.comparing(GatewayChoice::street).thenComparing(id -> id));
        devices.stream().map(Device::gateway).filter(Objects::nonNull).forEach(all::add);
        if (count > all.size()) {
            throw new IllegalArgumentException("--gateways must be at most " + all.size()
                    + ", the demo city's gateways, not " + count);
        }
        List<String> chosen = all.stream().limit(count).toList();
        Set<String> active = Set.copyOf(chosen);
        Map<String, String> behind = new HashMap<>();
        for (Device device : devices) {
            if (device.gateway() != null && active.contains(device.gateway())) {
                behind.put(device.id(), device.gateway());
            }
        }
        return new GatewayChoice(chosen, chosen.isEmpty() ? null : chosen.get(0), behind);
    }

    /** The street code in a gateway id ({@code lora-440305001}: {@code 440305001}). */
    private static String street(String gatewayId) {
        return gatewayId.substring(gatewayId.indexOf('-') + 1);
    }
}
