package city.gridcommand.api;

import city.gridcommand.geo.GridProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One grid problem as the API shows it: {@code type} is the problem's wire name (overlap, gap, …). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridProblemView(String type, Integer feature, String code, String other, Double areaSquareMetres,
        String detail) {

    static List<GridProblemView> all(List<GridProblem> problems) {
        return problems.stream().map(p -> new GridProblemView(p.type().wireName(), p.feature(), p.code(), p.other(),
                p.areaSquareMetres(), p.detail())).toList();
    }
}
