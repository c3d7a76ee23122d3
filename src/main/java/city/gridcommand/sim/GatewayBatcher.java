package city.gridcommand.sim;

import city.gridcommand.sim.CityMessage.Feed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the readings of each gateway's devices into batches, as a concentrator does: a batch opens with
 * its first reading and goes out one second of city time later, or as soon as it holds {@link #MAX_READINGS}
 * readings or {@link #MAX_BYTES} of them, whichever comes first. Telemetry and detections go in separate
 * batches (they have separate topics). Time is the city's: the same life gives the same batches.
 */
final class GatewayBatcher {

    /** How long a batch gathers readings, in city time. */
    static final long WINDOW_MILLIS = 1_000;
    /** Most readings in one batch. */
    static final int MAX_READINGS = 200;
    /**
     * Most bytes of readings in one batch: well below the service's 64 KiB default message bound
     * (GRID_INGEST_MAX_PAYLOAD_BYTES), even with the last reading that crossed it.
     */
    static final int MAX_BYTES = 48 * 1024;

    private record Key(String gateway, Feed feed) {
    }

    /** One batch being gathered. */
    private static final class Open {
        final long openedAt;
        final Map<String, List<byte[]>> byDevice = new LinkedHashMap<>();
        int readings;
        int bytes;

        Open(long openedAt) {
            this.openedAt = openedAt;
        }
    }

    /** A batch ready to go, with how many readings it carries. */
    record Batch(CityMessage message, int readings) {
    }

    private final Map<Key, Open> open = new LinkedHashMap<>();

    /** Adds a device's reading (telemetry or detection) made at {@code simMillis}; returns a batch it filled. */
    List<Batch> add(String gateway, CityMessage reading, long simMillis) {
        if (reading.feed() != Feed.TELEMETRY && reading.feed() != Feed.DETECTION) {
            throw new IllegalArgumentException("a gateway batches telemetry or detections, not " + reading.feed());
        }
        Key key = new Key(gateway, reading.feed());
        Open batch = open.computeIfAbsent(key, k -> new Open(simMillis));
        batch.byDevice.computeIfAbsent(reading.sender(), id -> new ArrayList<>()).add(reading.payload());
        batch.readings++;
        batch.bytes += reading.payload().length;
        if (batch.readings >= MAX_READINGS || batch.bytes >= MAX_BYTES) {
            open.remove(key);
            return List.of(close(key, batch));
        }
        return List.of();
    }

    /** The batches whose second is up at {@code simMillis}. */
    List<Batch> due(long simMillis) {
        List<Batch> due = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Key, Open> entry = it.next();
            if (simMillis - entry.getValue().openedAt >= WINDOW_MILLIS) {
                due.add(close(entry.getKey(), entry.getValue()));
                it.remove();
            }
        }
        return due;
    }

    /** Every batch of {@code gateway} being gathered, at once. */
    List<Batch> flush(String gateway) {
        List<Batch> flushed = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Key, Open> entry = it.next();
            if (entry.getKey().gateway().equals(gateway)) {
                flushed.add(close(entry.getKey(), entry.getValue()));
                it.remove();
            }
        }
        return flushed;
    }

    /** Every batch being gathered, at once (the run is over). */
    List<Batch> flushAll() {
        List<Batch> flushed = new ArrayList<>();
        open.forEach((key, batch) -> flushed.add(close(key, batch)));
        open.clear();
        return flushed;
    }

    private static Batch close(Key key, Open batch) {
        return new Batch(Payloads.gatewayBatch(key.gateway(), key.feed(), batch.byDevice), batch.readings);
    }
}
