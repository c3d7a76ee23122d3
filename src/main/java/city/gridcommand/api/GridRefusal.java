package city.gridcommand.api;

import city.gridcommand.geo.check.GeometryRepair;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The problem+json body of a refused grid import: RFC 9457 members plus every error and warning; the
 * features whose invalid geometry {@code repair=true} could repair, when it was not asked for; and the
 * repairs made or refused, when it was.
 */
public record GridRefusal(String type, String title, int status, String detail, String instance,
        List<GridProblemView> errors, List<GridProblemView> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> repairable,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GeometryRepair> repairs) {
}
