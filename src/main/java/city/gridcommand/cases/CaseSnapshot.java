package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A case as the persistence layer loads it: what the workflow needs to decide the next transition.
 *
 * @param id             the case (event) id
 * @param category       a category code of the {@link CategoryCatalogue}
 * @param severity       GREEN, YELLOW or RED (三色预警)
 * @param state          where it stands in the workflow
 * @param level          which centre answers for it: cell, street or district
 * @param cell           the base cell it lies in
 * @param cellPath       the cell path, root first, the base cell last (contract section 3)
 * @param reporter       who reported it
 * @param assignee       who handles it; null until dispatched and after a send-back
 * @param deadline       when the current step is due (epoch ms; from this instant on it is late); null
 *                       when no step is running (closed or final)
 * @param overdue        whether any step deadline has passed; it stays set, because the on-time
 *                       closing rate (按期结案率) counts a case that was ever late as late
 * @param reworkCount    how many times verification sent it back (返工)
 * @param escalations    how many times it was escalated
 * @param createdAt      when it was reported (epoch ms)
 * @param registeredAt   when it was registered; null before
 * @param closedAt       when it was closed; null before
 * @param mergedInto     the case it was merged into; null unless {@link CaseState#MERGED}
 * @param evaluation     its evaluation; null until evaluated
 */
public record CaseSnapshot(String id, String category, Severity severity, CaseState state, CaseLevel level,
        String cell, List<String> cellPath, Reporter reporter, Assignee assignee, Long deadline, boolean overdue,
        int reworkCount, int escalations, long createdAt, Long registeredAt, Long closedAt, String mergedInto,
        Evaluation evaluation) {

    public CaseSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reporter, "reporter");
        cellPath = cellPath == null ? List.of() : List.copyOf(cellPath);
    }

    /** A case just reported: no assignee, no counters, the register step's deadline running. */
    public static CaseSnapshot reported(String id, String category, Severity severity, CaseLevel level, String cell,
            List<String> cellPath, Reporter reporter, long createdAt, long registerDeadline) {
        return new CaseSnapshot(id, category, severity, CaseState.REPORTED, level, cell, cellPath, reporter, null,
                registerDeadline, false, 0, 0, createdAt, null, null, null, null);
    }

    /** Whether the case was reported by this grid worker from their terminal. */
    public boolean reportedByWorker(String workerId) {
        return reporter.kind() == ReporterKind.WORKER && reporter.id().equals(workerId);
    }
}
