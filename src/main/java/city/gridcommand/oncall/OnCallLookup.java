package city.gridcommand.oncall;

import java.util.List;
import java.util.Optional;

/** Answers "who is on call for this cell and department at this time". */
public interface OnCallLookup {

    /**
     * The person on call at {@code at} (epoch ms) by the schedule of the deepest cell on {@code cellPath}
     * (root first, the cell last) whose department is {@code department} (null: a schedule of no
     * department) and that has someone on call then; empty when no schedule does.
     */
    Optional<OnCallAnswer> onCall(List<String> cellPath, String department, long at);
}
