package city.gridcommand.registry;

import java.util.List;

/**
 * A person with a terminal: grid worker, cell leader or supervisor, with the cells assigned to them
 * (codes), their department and phone (both may be null), and the gateway that carries their terminal's
 * alerts when it has no connection of its own (null: it has one).
 */
public record Worker(String id, String name, WorkerRole role, List<String> cells, String department, String phone,
        String gateway) {

    public Worker {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
