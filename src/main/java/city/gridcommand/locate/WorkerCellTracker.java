package city.gridcommand.locate;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.WorkerCellChange;
import city.gridcommand.signal.WorkerCellChange.Type;
import city.gridcommand.signal.WorkerPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps each grid worker's current base cell from their positions, with hysteresis against GPS jitter
 * (see {@link WorkerCellPolicy}), and says when they enter or leave a cell or leave their assigned cells
 * during duty hours. Positions older than the last one seen for the worker are ignored. Thread-safe;
 * each worker's state is updated atomically.
 */
public final class WorkerCellTracker {

    /** Where a worker is counted, and the different cell they may be moving into. */
    record State(long lastTs, CellLocation at, String candidate, long candidateSince) {

        String cell() {
            return at == null ? null : at.baseCell();
        }
    }

    private final WorkerCellPolicy policy;
    private final Function<String, List<String>> assignedCells;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** {@code assignedCells} gives a worker's assigned cell codes (any level; empty when unknown). */
    public WorkerCellTracker(WorkerCellPolicy policy, Function<String, List<String>> assignedCells) {
        this.policy = policy;
        this.assignedCells = assignedCells;
    }

    /** Settles a position against the worker's state; returns the changes it causes (usually none). */
    public List<WorkerCellChange> track(WorkerPosition position, CellLocation located, CellMap map) {
        List<WorkerCellChange> changes = new ArrayList<>(0);
        states.compute(position.senderId(), (worker, state) -> next(state, position, located, map, changes));
        return changes;
    }

    /** The worker's current base cell, or null if unknown or outside the grid. */
    public String currentCell(String workerId) {
        State state = states.get(workerId);
        return state == null ? null : state.cell();
    }

    /** The cells the worker is counted in, or null if unknown. */
    public CellLocation currentLocation(String workerId) {
        State state = states.get(workerId);
        return state == null ? null : state.at();
    }

    /** Seeds a worker's cells, e.g. from the last change stored before a restart. */
    public void restore(String workerId, CellLocation at, long ts) {
        states.putIfAbsent(workerId, new State(ts, at, null, 0));
    }

    private State next(State state, WorkerPosition p, CellLocation located, CellMap map,
            List<WorkerCellChange> changes) {
        if (state != null && p.ts() <= state.lastTs()) {
            return state;
        }
        if (p.accuracy() != null && p.accuracy() > policy.maxAccuracy()) {
            return state == null ? null : new State(p.ts(), state.at(), state.candidate(), state.candidateSince());
        }
        String seen = located.baseCell();
        if (state == null) {
            move(p, null, seen, located, changes);
            return new State(p.ts(), located, null, 0);
        }
        if (Objects.equals(seen, state.cell()) || nearCurrent(state.cell(), p, map)) {
            return new State(p.ts(), state.at(), null, 0);
        }
        long since = Objects.equals(seen, state.candidate()) ? state.candidateSince() : p.ts();
        if (p.ts() - since < policy.minDwell().toMillis()) {
            return new State(p.ts(), state.at(), seen, since);
        }
        move(p, state.cell(), seen, located, changes);
        return new State(p.ts(), located, null, 0);
    }

    /** A fix within its accuracy radius of the current cell is jitter, not a move. */
    private boolean nearCurrent(String cell, WorkerPosition p, CellMap map) {
        if (cell == null) {
            return false;
        }
        double radius = Math.max(policy.edgeMargin(), p.accuracy() == null ? 0 : p.accuracy());
        return map.distanceMetres(cell, p.position().lat(), p.position().lon()) <= radius;
    }

    private void move(WorkerPosition p, String from, String to, CellLocation located, List<WorkerCellChange> out) {
        if (from != null) {
            out.add(new WorkerCellChange(p.senderId(), p.ts(), Type.LEFT, from));
        }
        if (to != null) {
            out.add(new WorkerCellChange(p.senderId(), p.ts(), Type.ENTERED, to));
        }
        List<String> assigned = assignedCells.apply(p.senderId());
        if (!assigned.isEmpty() && policy.dutyHours().covers(p.ts()) && !inAssigned(located, assigned)
                && (from == null || isAssigned(from, assigned))) {
            out.add(new WorkerCellChange(p.senderId(), p.ts(), Type.LEFT_ASSIGNED, to));
        }
    }

    private static boolean inAssigned(CellLocation located, List<String> assigned) {
        for (String code : located.path()) {
            if (assigned.contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** Assignments may name a base cell or any ancestor; codes nest by prefix. */
    private static boolean isAssigned(String cell, List<String> assigned) {
        for (String code : assigned) {
            if (cell.startsWith(code)) {
                return true;
            }
        }
        return false;
    }
}
