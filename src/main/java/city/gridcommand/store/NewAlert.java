package city.gridcommand.store;

import java.util.List;
import java.util.UUID;

/** An alert to open: its event's place, the policy it runs (id and JSON) and the first step's times. */
public record NewAlert(UUID id, String cell, List<String> cellPath, String category, String department,
        String severity, String reason, String policy, String policyBody, int step, int round, long nextStepAt,
        long openedAt, long groupUntil) {
}
