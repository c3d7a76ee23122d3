package city.gridcommand.registry;

import java.util.List;

/**
 * A person with a terminal: grid worker, cell leader or supervisor, with the cells assigned to them
 * (codes), their department and phone (both may be null).
 */
public record Worker(String id, String name, WorkerRole role, List<String> cells, String department, String phone) {

    public Worker {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
