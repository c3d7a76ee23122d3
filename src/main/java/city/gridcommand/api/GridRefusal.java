package city.gridcommand.api;

import java.util.List;

/** The problem+json body of a refused grid import: RFC 9457 members plus every error and warning. */
public record GridRefusal(String type, String title, int status, String detail, String instance,
        List<GridProblemView> errors, List<GridProblemView> warnings) {
}
