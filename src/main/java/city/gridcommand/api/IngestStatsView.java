package city.gridcommand.api;

import city.gridcommand.ingest.IngestCounters;
import city.gridcommand.ingest.RejectReason;
import city.gridcommand.ingest.WriteBehind;
import city.gridcommand.signal.SignalSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ingest counters as {@code GET /api/v1/stats/ingest} shows them: totals, the same per source, and
 * the back-pressure state. {@code received = processed + duplicates + rejected + redelivered + inFlight};
 * {@code redelivered} counts messages handed back to the broker because they could not be made durable,
 * not even as a dead letter, and {@code replayed} the dead letters replayed and durable again. Each reading
 * of a gateway's message counts as one message received; {@code gatewayMessages} counts the gateways'
 * messages themselves.
 */
public record IngestStatsView(long received, long processed, long duplicates, long rejected,
        Map<String, Long> rejectedByReason, long redelivered, long replayed, Map<String, SourceCounts> bySource,
        BackPressure backPressure, long gatewayMessages) {

    /**
     * One source's counters; {@code unknownKinds} counts detections of kinds the rules do not know,
     * {@code outside} signals whose position lies in no base cell and {@code unplaced} signals with no
     * position at all (both are stored, without a cell); {@code gatewayMessages} the messages of this feed that
     * came from gateways (their readings are counted in {@code received}).
     */
    public record SourceCounts(long received, long processed, long duplicates, long rejected,
            Map<String, Long> rejectedByReason, long redelivered, long unknownKinds, long outside, long unplaced,
            long gatewayMessages) {
    }

    /** {@code state} is FLOWING, SATURATED or STALLED; {@code stalledSince} is set while STALLED. */
    public record BackPressure(String state, int inFlight, int capacity, Long stalledSince) {
    }

    public static IngestStatsView of(IngestCounters counters, WriteBehind writeBehind) {
        long received = 0;
        long processed = 0;
        long duplicates = 0;
        long rejected = 0;
        long redelivered = 0;
        long gatewayMessages = 0;
        Map<String, Long> byReason = new LinkedHashMap<>();
        Map<String, SourceCounts> bySource = new LinkedHashMap<>();
        for (SignalSource source : SignalSource.values()) {
            Map<String, Long> sourceReasons = new LinkedHashMap<>();
            long sourceRejected = 0;
            for (RejectReason reason : RejectReason.values()) {
                long n = counters.rejectedOf(source, reason);
                if (n > 0) {
                    sourceReasons.put(reason.code(), n);
                    byReason.merge(reason.code(), n, Long::sum);
                    sourceRejected += n;
                }
            }
            SourceCounts counts = new SourceCounts(counters.receivedOf(source), counters.processedOf(source),
                    counters.duplicatesOf(source), sourceRejected, sourceReasons, counters.redeliveredOf(source),
                    counters.unknownKindsOf(source), counters.outsideOf(source), counters.unplacedOf(source),
                    counters.gatewayMessagesOf(source));
            bySource.put(source.label(), counts);
            received += counts.received();
            processed += counts.processed();
            duplicates += counts.duplicates();
            rejected += sourceRejected;
            redelivered += counts.redelivered();
            gatewayMessages += counts.gatewayMessages();
        }
        long stalled = writeBehind.stalledSince();
        BackPressure pressure = new BackPressure(writeBehind.pressure().name(), writeBehind.outstanding(),
                writeBehind.settings().capacity(), stalled == 0 ? null : stalled);
        return new IngestStatsView(received, processed, duplicates, rejected, byReason, redelivered,
                counters.replayed(), bySource, pressure, gatewayMessages);
    }
}
