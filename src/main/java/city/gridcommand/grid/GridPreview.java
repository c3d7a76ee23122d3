package city.gridcommand.grid;

import city.gridcommand.geo.check.GeometryRepair;
import city.gridcommand.geo.check.GridReport;
import java.util.List;

/**
 * What an import would do, nothing stored: whether it would be accepted, how many cells it has (after
 * any repair), every problem, and what was or would be repaired.
 */
public record GridPreview(boolean accepted, int cells, GridReport report, List<GeometryRepair> repairs) {
}
