package city.gridcommand.grid;

import city.gridcommand.geo.check.GeometryRepair;
import city.gridcommand.geo.check.GridReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import refused: every problem found, each naming its feature, plus the warnings and, when repair
 * was asked for, the repairs. When repair was not asked for and some geometry could be repaired, the
 * message says how.
 */
public final class GridRefusedException extends RuntimeException {

    /** Features named in the message; the body's {@code repairable} lists them all. */
    private static final int SHOWN = 10;

    private final transient GridReport report;
    private final transient List<GeometryRepair> repairs;

    GridRefusedException(GridReport report, List<GeometryRepair> repairs, boolean repairAsked) {
        super(message(report, repairAsked));
        this.report = report;
        this.repairs = List.copyOf(repairs);
    }

    public GridReport report() {
        return report;
    }

    /** The repairs made or refused, empty when repair was not asked for. */
    public List<GeometryRepair> repairs() {
        return repairs;
    }

    private static String message(GridReport report, boolean repairAsked) {
        String refused = report.errors().size() + " problem(s) in the imported grid; nothing was changed";
        if (repairAsked || report.repairable().isEmpty()) {
            return refused;
        }
        List<Integer> repairable = report.repairable();
        String features = repairable.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "))
                + (repairable.size() > SHOWN ? " and " + (repairable.size() - SHOWN) + " more" : "");
        return refused + ". The invalid geometry of feature(s) " + features + " can be repaired: send it again"
                + " with repair=true (add dryRun=true to see the repair first)";
    }
}
