package city.gridcommand.testing;

import city.gridcommand.oncall.OnCallAnswer;
import city.gridcommand.oncall.OnCallLookup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STAND-IN for the on-call schedules (issue 13, helper A's {@code oncall.runtime}), for the alert tests only
 * until the real {@link OnCallLookup} is on main: a map the test fills, "cell and department → person", no
 * table, no rotation. The answer is that of the deepest cell of the path that has one, as the port says.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestOnCallLookup implements OnCallLookup {

    private final Map<String, String> onCall = new ConcurrentHashMap<>();

    /** {@code person} is on call for {@code cell} (and everything under it) and {@code department}. */
    public void put(String cell, String department, String person) {
        onCall.put(key(cell, department), person);
    }

    public void clear() {
        onCall.clear();
    }

    @Override
    public Optional<OnCallAnswer> onCall(List<String> cellPath, String department, long at) {
        for (int i = cellPath.size() - 1; i >= 0; i--) {
            String person = onCall.get(key(cellPath.get(i), department));
            if (person != null) {
                return Optional.of(new OnCallAnswer(person, "test:" + cellPath.get(i), "layer:test", at + 3_600_000));
            }
        }
        return Optional.empty();
    }

    private static String key(String cell, String department) {
        return cell + "|" + Objects.toString(department, "");
    }
}
