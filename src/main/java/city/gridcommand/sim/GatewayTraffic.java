package city.gridcommand.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What goes on the wire when some devices sit behind gateways ({@link GatewayChoice}): a message of the city's
 * life from a device behind a chosen gateway does not go out alone; its reading joins the gateway's next batch
 * ({@link GatewayBatcher}), and its going offline or coming back becomes the gateway's {@code disconnect} or
 * {@code connect} (after the batches holding its earlier readings). Every other message goes out as it is.
 * While a gateway is down its devices' readings are lost (nobody relays them), and what they do meanwhile is
 * remembered: when it is back it says {@code disconnect} for those still away. Pure: the adapter publishes
 * what it returns, each message on the connection of its sender (a gateway's messages carry the gateway as
 * their sender). Not thread-safe, except that the counts may be read from another thread.
 */
final class GatewayTraffic {

    private final Map<String, String> behind;
    private final GatewayBatcher batcher = new GatewayBatcher();
    private final Set<String> down = new HashSet<>();
    private final Map<String, Set<String>> away = new HashMap<>();
    private volatile long batches;
    private volatile long readings;
    private volatile long lost;

    GatewayTraffic(GatewayChoice choice) {
        this.behind = choice.behind();
    }

    /** What to send for {@code message}, made at city time {@code simMillis}; {@code ts} stamps gateway statuses. */
    List<CityMessage> route(CityMessage message, long simMillis, long ts) {
        List<CityMessage> out = new ArrayList<>();
        take(batcher.due(simMillis), out);
        String gateway = behind.get(message.sender());
        if (gateway == null) {
            out.add(message);
            return out;
        }
        switch (message.feed()) {
            case TELEMETRY, DETECTION -> {
                if (down.contains(gateway)) {
                    lost++;
                } else {
                    take(batcher.add(gateway, message, simMillis), out);
                }
            }
            case ONLINE, OFFLINE -> {
                boolean online = message.feed() == CityMessage.Feed.ONLINE;
                Set<String> gone = away.computeIfAbsent(gateway, g -> new TreeSet<>());
                if (online) {
                    gone.remove(message.sender());
                } else {
                    gone.add(message.sender());
                }
                if (!down.contains(gateway)) {
                    take(batcher.flush(gateway), out);
                    out.add(Payloads.gatewayDevices(gateway, ts, online, List.of(message.sender())));
                }
            }
            default -> throw new IllegalStateException("a device sent " + message.feed() + " on " + message.topic());
        }
        return out;
    }

    /** The gateway goes down: its last batches, which it sends just before. */
    List<CityMessage> die(String gateway) {
        List<CityMessage> out = new ArrayList<>();
        take(batcher.flush(gateway), out);
        down.add(gateway);
        return out;
    }

    /**
     * The gateway is back (its connection has said {@code online:true}): a {@code disconnect} for its devices
     * still away, if any.
     */
    List<CityMessage> back(String gateway, long ts) {
        down.remove(gateway);
        Set<String> gone = away.getOrDefault(gateway, Set.of());
        return gone.isEmpty() ? List.of() : List.of(Payloads.gatewayDevices(gateway, ts, false, List.copyOf(gone)));
    }

    /** The batches still being gathered (the run is over). */
    List<CityMessage> flushAll() {
        List<CityMessage> out = new ArrayList<>();
        take(batcher.flushAll(), out);
        return out;
    }

    /** Devices behind {@code gateway} that are offline now. */
    Set<String> away(String gateway) {
        return Set.copyOf(away.getOrDefault(gateway, Set.of()));
    }

    /** Batches made so far. */
    long batches() {
        return batches;
    }

    /** Readings sent in batches so far. */
    long readings() {
        return readings;
    }

    /** Readings lost because their gateway was down. */
    long lost() {
        return lost;
    }

    private void take(List<GatewayBatcher.Batch> made, List<CityMessage> out) {
        for (GatewayBatcher.Batch batch : made) {
            out.add(batch.message());
            batches++;
            readings += batch.readings();
        }
    }
}
