package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.PolicyStep;
import city.gridcommand.oncall.OnCallLookup;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import city.gridcommand.store.AlertWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Whom a step notifies for an alert in a cell: the grid workers assigned to the base cell; the person on call
 * (the step's department, else the event's; with a level, the schedule of that ancestor of the cell: the
 * centres' duty rosters); the cell leaders assigned nearest the cell (the cell itself, then its community,
 * street, district); or the one person the step names.
 */
@ApplicationScoped
public class Recipients {

    /** A person to notify and why them ({@code cell_workers}, {@code oncall:{schedule}}, {@code leader}, {@code person}). */
    public record Recipient(String personId, String source) {
    }

    private static final Logger LOG = Logger.getLogger(Recipients.class);
    private static final List<String> LEVELS = List.of("district", "street", "community");

    private final OnCallLookup onCall;

    Recipients(OnCallLookup onCall) {
        this.onCall = onCall;
    }

    public List<Recipient> of(AlertWork work, PolicyStep step, String cell, List<String> cellPath, String department,
            long at) {
        List<Recipient> people = new ArrayList<>();
        switch (step.target()) {
            case CELL_WORKERS -> work.workersAssigned(cell, WorkerRole.WORKER)
                    .forEach(w -> people.add(new Recipient(w.id(), "cell_workers")));
            case LEADER -> {
                for (int i = cellPath.size() - 1; i >= 0 && people.isEmpty(); i--) {
                    for (Worker leader : work.workersAssigned(cellPath.get(i), WorkerRole.LEADER)) {
                        people.add(new Recipient(leader.id(), "leader"));
                    }
                }
            }
            case ONCALL -> {
                List<String> path = step.level() == null ? cellPath : upTo(cellPath, LEVELS.indexOf(step.level()));
                String dept = step.department() != null ? step.department() : department;
                try {
                    onCall.onCall(path, dept, at).ifPresent(answer -> people.add(new Recipient(answer.personId(),
                            "oncall:" + answer.scheduleId())));
                } catch (RuntimeException e) {
                    // one schedule that cannot answer must not hold up every alert after it: the step has nobody
                    LOG.warnf(e, "nobody on call found for %s, department %s: the schedules could not answer", path,
                            dept);
                }
            }
            case PERSON -> people.add(new Recipient(step.person(), "person"));
        }
        return people;
    }

    /** The path from the root down to the ancestor at {@code depth} (0: the district), or the whole path if shorter. */
    private static List<String> upTo(List<String> path, int depth) {
        return path.size() > depth + 1 ? path.subList(0, depth + 1) : path;
    }
}
