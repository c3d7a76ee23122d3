package city.gridcommand.locate;

import java.util.List;

/** The cells each grid worker is assigned to, as the registry holds them. */
public interface Assignments {

    /** Cell codes at any level; empty for an unknown worker or one without assignments. */
    List<String> cellsOf(String workerId);
}
