package city.gridcommand.store;

import java.util.List;
import java.util.UUID;

/** An alert as stored (table {@code alert}); times are epoch ms, {@code policyBody} the policy's JSON. */
public record StoredAlert(UUID id, String cell, List<String> cellPath, String category, String department,
        String severity, String reason, String policy, String policyBody, int step, int round, String state,
        Long nextStepAt, long stepAt, long openedAt, long groupUntil, boolean updatePending, String ackedBy,
        Long ackedAt, String ackChannel, Long endedAt, String endReason, long updatedAt) {

    public StoredAlert {
        cellPath = List.copyOf(cellPath);
    }
}
