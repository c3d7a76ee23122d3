package city.gridcommand.grid;

import city.gridcommand.geo.check.GridReport;

/** An import refused: every problem found, each naming its feature, plus the warnings. */
public final class GridRefusedException extends RuntimeException {

    private final transient GridReport report;

    public GridRefusedException(GridReport report) {
        super(report.errors().size() + " problem(s) in the imported grid; nothing was changed");
        this.report = report;
    }

    public GridReport report() {
        return report;
    }
}
