package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.BASE_CELL;
import static city.gridcommand.cases.CaseFixtures.CATALOGUE;
import static city.gridcommand.cases.CaseFixtures.DISTRICT;
import static city.gridcommand.cases.CaseFixtures.PATH;
import static city.gridcommand.cases.CaseFixtures.STREET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.signal.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 小事一格解决，大事全网联动: minor cases stay in the cell, urgent ones go to the street, grave ones to the district. */
class RoutingTest {

    private final Routing routing = new Routing(CATALOGUE);

    @Test
    void aMinorCaseGoesToTheCellsOwnLeader() {
        assertThat(routing.route("exposed_garbage", Severity.GREEN, PATH)).isEqualTo(
                new Route(CaseLevel.CELL, BASE_CELL, Assignee.leaderOf(BASE_CELL), "dept-urban"));
    }

    @Test
    void anUrgentCaseGoesToTheStreetCentreAndTheDepartment() {
        assertThat(routing.route("exposed_garbage", Severity.YELLOW, PATH)).isEqualTo(
                new Route(CaseLevel.STREET, STREET, Assignee.department("dept-urban"), "dept-urban"));
    }

    @Test
    void aGraveCaseGoesToTheDistrictCentre() {
        assertThat(routing.route("crowd", Severity.RED, PATH)).isEqualTo(
                new Route(CaseLevel.DISTRICT, DISTRICT, Assignee.department("dept-security"), "dept-security"));
    }

    @Test
    void aCategoryMaySetItsOwnThresholds() {
        assertThat(routing.route("fire", Severity.GREEN, PATH).level()).isEqualTo(CaseLevel.STREET);
        assertThat(routing.route("fire", Severity.YELLOW, PATH).level()).isEqualTo(CaseLevel.DISTRICT);
        Category lenient = new Category("other", "other", "其他", "Other", "dept-civil",
                Map.of(Severity.GREEN, CaseLevel.CELL, Severity.YELLOW, CaseLevel.CELL, Severity.RED, CaseLevel.STREET),
                true);
        CategoryCatalogue catalogue = CategoryCatalogue.of(List.of(new CategoryClass("other", "其他", "Other")),
                List.of(new Department("dept-civil", "民政局", "Civil affairs")), List.of(lenient),
                CATALOGUE.deadlines());
        assertThat(new Routing(catalogue).route("other", Severity.RED, PATH)).isEqualTo(
                new Route(CaseLevel.STREET, STREET, Assignee.department("dept-civil"), "dept-civil"));
    }

    @Test
    void aShortPathFallsBackToTheNearestCentreAbove() {
        List<String> noStreet = List.of(DISTRICT, BASE_CELL);
        assertThat(routing.route("exposed_garbage", Severity.YELLOW, noStreet).centre()).isEqualTo(DISTRICT);
        assertThat(routing.route("exposed_garbage", Severity.GREEN, noStreet).assignee())
                .isEqualTo(Assignee.leaderOf(BASE_CELL));
    }

    @Test
    void anUnknownCategoryIsRoutedAsOtherAndAnEmptyPathIsRefused() {
        assertThat(routing.route("alien_landing", Severity.YELLOW, PATH).department()).isEqualTo("dept-urban");
        assertThatThrownBy(() -> routing.route("fire", Severity.RED, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
