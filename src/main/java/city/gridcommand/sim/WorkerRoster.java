package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The people of the demo city and what they look after: grid workers (网格员) each with a contiguous set of
 * base cells in one community, a cell leader (网格长) per community, a supervisor (监督员) per street; and the
 * households and population of every base-hierarchy cell, summed up the hierarchy.
 */
final class WorkerRoster {

    static final String SUPERVISOR_DEPARTMENT = "dept-urban";

    final List<Worker> workers = new ArrayList<>();
    final Map<String, CellAttributes> attributes = new HashMap<>();

    private final List<Worker> gridWorkers = new ArrayList<>();
    private final List<Worker> leaders = new ArrayList<>();
    private final List<Worker> supervisors = new ArrayList<>();
    private final SplittableRandom random;

    private WorkerRoster(SplittableRandom random) {
        this.random = random;
    }

    static WorkerRoster assign(CityMap map, CellAdjacency adjacency, DemoCityPlan plan, SplittableRandom random) {
        WorkerRoster roster = new WorkerRoster(random);
        Map<String, List<String>> baseCellsByCommunity = new LinkedHashMap<>();
        for (Cell cell : map.baseCells) {
            baseCellsByCommunity.computeIfAbsent(cell.parent(), p -> new ArrayList<>()).add(cell.code());
        }
        for (Cell street : map.streets) {
            roster.person("sup", roster.supervisors, WorkerRole.SUPERVISOR,
                    List.of(street.code()), SUPERVISOR_DEPARTMENT);
            for (Cell community : map.communities) {
                if (street.code().equals(community.parent())) {
                    roster.staff(community.code(), baseCellsByCommunity.get(community.code()), adjacency, plan);
                }
            }
            roster.sumUp(street.code(), map.communities, CellAttributes.NONE);
        }
        roster.sumUp(map.district.code(), map.streets, CellAttributes.NONE);
        roster.workers.addAll(roster.gridWorkers);
        roster.workers.addAll(roster.leaders);
        roster.workers.addAll(roster.supervisors);
        return roster;
    }

    /** A community's leader and grid workers, and its base cells' households. */
    private void staff(String community, List<String> baseCells, CellAdjacency adjacency, DemoCityPlan plan) {
        Worker leader = person("ldr", leaders, WorkerRole.LEADER, List.of(community), null);
        int regions = Math.max(1, (int) Math.round(baseCells.size() / (double) plan.baseCellsPerWorker()));
        Map<String, String> workerOf = new HashMap<>();
        for (List<String> region : CellRegions.split(baseCells, regions, adjacency)) {
            Worker worker = person("wrk", gridWorkers, WorkerRole.WORKER, region, null);
            region.forEach(code -> workerOf.put(code, worker.id()));
        }
        int households = 0;
        int population = 0;
        for (String code : baseCells) {
            int cellHouseholds = random.nextInt(300, 501);
            int cellPopulation = (int) Math.round(cellHouseholds * random.nextDouble(2.2, 3.1));
            attributes.put(code, new CellAttributes(cellHouseholds, cellPopulation, List.of(workerOf.get(code)),
                    leader.id()));
            households += cellHouseholds;
            population += cellPopulation;
        }
        attributes.put(community, new CellAttributes(households, population, List.of(), leader.id()));
    }

    /** A parent's households and population: the sums over its children, which are attributed already. */
    private void sumUp(String parent, List<Cell> candidates, CellAttributes staff) {
        int households = 0;
        int population = 0;
        for (Cell child : candidates) {
            CellAttributes counted = attributes.get(child.code());
            if (parent.equals(child.parent()) && counted != null) {
                households += counted.households();
                population += counted.population();
            }
        }
        attributes.put(parent, new CellAttributes(households, population, staff.workers(), staff.leader()));
    }

    private Worker person(String prefix, List<Worker> group, WorkerRole role, List<String> cells, String department) {
        String id = prefix + "-" + String.format("%05d", group.size() + 1);
        Worker worker = new Worker(id, PersonNames.name(random), role, cells, department, PersonNames.phone(random),
                null);
        group.add(worker);
        return worker;
    }
}
