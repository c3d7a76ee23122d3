package city.gridcommand.signal;

import java.util.List;
import java.util.UUID;

/** A case reported by hand from a terminal (信息采集); {@code reportId} makes it idempotent. */
public record WorkerReport(String senderId, UUID reportId, long ts, String category, String description,
        Position position, List<String> photos, Severity severity, long receivedAt) implements Signal {

    @Override
    public SignalSource source() {
        return SignalSource.WORKER_REPORT;
    }
}
