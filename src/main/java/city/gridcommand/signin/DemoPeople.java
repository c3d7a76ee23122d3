package city.gridcommand.signin;

import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.TokenMinter.Grant;
import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Department;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.grid.GridSettings;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.registry.Worker;
import city.gridcommand.store.WorkerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The people of the demo city who may sign in with the demo login (built-in issuer and demo city only):
 * <ul>
 * <li>the centre's staff: {@code admin} (everything), {@code dispatcher}, {@code supervisor},
 *     {@code screen} and {@code hotline} (a service account) for the whole district, and
 *     {@code dispatcher-{streetCode}} for one street's centre;</li>
 * <li>each department's staff: {@code handler-{department}}, e.g. {@code handler-dept-fire};</li>
 * <li>everyone in the worker registry by their id: grid workers ({@code worker}), community leaders
 *     ({@code leader}, their unit their first cell) and street supervisors ({@code supervisor}), each with
 *     their assigned cells.</li>
 * </ul>
 */
@ApplicationScoped
public class DemoPeople {

    private final LiveGrid grid;
    private final WorkerRepository workers;
    private final CategoryCatalogue catalogue;
    private final GridSettings demo;
    private final BuiltInIssuer issuer;

    DemoPeople(LiveGrid grid, WorkerRepository workers, CategoryCatalogue catalogue, GridSettings demo,
            BuiltInIssuer issuer) {
        this.grid = grid;
        this.workers = workers;
        this.catalogue = catalogue;
        this.demo = demo;
        this.issuer = issuer;
    }

    /** Whether the demo login is served: the built-in issuer with the demo city. */
    public boolean served() {
        return issuer.active() && demo.enabled();
    }

    /** What the named demo person's token says, or empty when there is no such person. */
    public CompletionStage<Optional<Grant>> grant(String user) {
        List<String> districts = codesAt(CellLevel.DISTRICT);
        Optional<Grant> staff = switch (user) {
            case "admin" -> Optional.of(new Grant(user, List.of(StaffRole.ADMIN), List.of("*"), null));
            case "dispatcher" -> Optional.of(new Grant(user, List.of(StaffRole.DISPATCHER), districts, null));
            case "supervisor" -> Optional.of(new Grant(user, List.of(StaffRole.SUPERVISOR), districts, null));
            case "screen" -> Optional.of(new Grant(user, List.of(StaffRole.SCREEN), districts, null));
            case "hotline" -> Optional.of(new Grant(user, List.of(StaffRole.SERVICE), districts, null));
            default -> streetDispatcher(user).or(() -> departmentStaff(user, districts));
        };
        if (staff.isPresent()) {
            return CompletableFuture.completedFuture(staff);
        }
        return workers.find(user).thenApply(worker -> Optional.ofNullable(worker).map(DemoPeople::registered));
    }

    /** The names of the centre's and the departments' demo staff, for the login's answer to a wrong name. */
    public List<String> staffNames() {
        List<String> names = new ArrayList<>(List.of("admin", "dispatcher", "supervisor", "screen", "hotline"));
        codesAt(CellLevel.STREET).forEach(street -> names.add("dispatcher-" + street));
        catalogue.departments().forEach(d -> names.add("handler-" + d.code()));
        return names;
    }

    private Optional<Grant> streetDispatcher(String user) {
        if (!user.startsWith("dispatcher-")) {
            return Optional.empty();
        }
        String street = user.substring("dispatcher-".length());
        Cell cell = grid.snapshot().grid().cell(street);
        return cell != null && cell.level() == CellLevel.STREET
                ? Optional.of(new Grant(user, List.of(StaffRole.DISPATCHER), List.of(street), null))
                : Optional.empty();
    }

    private Optional<Grant> departmentStaff(String user, List<String> districts) {
        if (!user.startsWith("handler-")) {
            return Optional.empty();
        }
        String department = user.substring("handler-".length());
        return catalogue.departments().stream().map(Department::code).filter(department::equals).findFirst()
                .map(code -> new Grant(user, List.of(StaffRole.HANDLER), districts, code));
    }

    private static Grant registered(Worker worker) {
        return switch (worker.role()) {
            case WORKER -> new Grant(worker.id(), List.of(StaffRole.WORKER), worker.cells(), null);
            case LEADER -> new Grant(worker.id(), List.of(StaffRole.LEADER), worker.cells(),
                    worker.cells().isEmpty() ? null : worker.cells().get(0));
            case SUPERVISOR -> new Grant(worker.id(), List.of(StaffRole.SUPERVISOR), worker.cells(), null);
        };
    }

    private List<String> codesAt(CellLevel level) {
        return grid.snapshot().grid().cells().stream().filter(c -> c.level() == level).map(Cell::code).sorted()
                .toList();
    }
}
