package city.gridcommand.cases;

import static city.gridcommand.cases.CaseFixtures.CATALOGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.signal.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped catalogue file and the checks that keep a broken one from loading. */
class CategoryCatalogueTest {

    private static final List<String> REQUIRED = List.of("exposed_garbage", "garbage_overflow", "illegal_advertising",
            "illegal_construction", "road_damage", "street_vending", "illegal_parking", "fire", "smoke", "flooding",
            "waterlogging", "crowd", "public_safety", "environment", "device_fault", "worker_absent", "other");
    /** What cameras detect (ingest.DetectionKinds) and what the simulated workers report: events need them. */
    private static final List<String> RAISED_ELSEWHERE = List.of("intrusion", "fall", "fight", "manhole_missing",
            "vehicle_accident", "broken_streetlight", "fire_hazard", "neighbour_dispute");

    @Test
    void theShippedFileHasEveryRequiredCategory() {
        Set<String> codes = CATALOGUE.categories().stream().map(Category::code).collect(Collectors.toSet());
        assertThat(codes).containsAll(REQUIRED).containsAll(RAISED_ELSEWHERE);
        assertThat(codes).hasSameSizeAs(CATALOGUE.categories());
        assertThat(codes).allMatch(code -> code.matches("[a-z][a-z0-9_]*"));
    }

    @Test
    void everyCategoryHasAKnownClassADepartmentAndItsOwnHandleLimits() {
        Set<String> classes = CATALOGUE.classes().stream().map(CategoryClass::code).collect(Collectors.toSet());
        Set<String> departments = CATALOGUE.departments().stream().map(Department::code).collect(Collectors.toSet());
        assertThat(classes).contains("city_appearance", "advertising", "construction", "emergency", "street_order");
        assertThat(departments).containsExactlyInAnyOrder("dept-urban", "dept-fire", "dept-security",
                "dept-emergency", "dept-market", "dept-environment", "dept-ops", "dept-civil");
        for (Category category : CATALOGUE.categories()) {
            assertThat(classes).as(category.code()).contains(category.classCode());
            assertThat(departments).as(category.code()).contains(category.department());
            assertThat(category.nameZh()).as(category.code()).isNotBlank();
            assertThat(category.nameEn()).as(category.code()).isNotBlank();
            for (Severity severity : Severity.values()) {
                assertThat(CATALOGUE.deadlines().hasOwnLimit(category.code(), severity, DeadlineStep.HANDLE))
                        .as(category.code() + " " + severity).isTrue();
            }
        }
    }

    @Test
    void theStandardClassesAndDepartmentsAreWhereExpected() {
        assertThat(CATALOGUE.find("exposed_garbage")).get().extracting(Category::classCode, Category::nameZh,
                Category::department).containsExactly("city_appearance", "暴露垃圾", "dept-urban");
        assertThat(CATALOGUE.find("fire")).get().extracting(Category::department).isEqualTo("dept-fire");
        assertThat(CATALOGUE.find("device_fault")).get().extracting(Category::department, Category::escalatesSeverity)
                .containsExactly("dept-ops", false);
        assertThat(CATALOGUE.deadlines().limit("fire", Severity.RED, DeadlineStep.REGISTER).unit().working()).isFalse();
        assertThat(CATALOGUE.deadlines().limit("exposed_garbage", Severity.GREEN, DeadlineStep.HANDLE))
                .isEqualTo(StepLimit.workingHours(4));
    }

    @Test
    void unknownCodesAreNotFoundButStoredOnesResolveToOther() {
        assertThat(CATALOGUE.find("alien_landing")).isEmpty();
        assertThat(CATALOGUE.find(null)).isEmpty();
        assertThat(CATALOGUE.resolve("alien_landing").code()).isEqualTo("other");
    }

    @Test
    void refusesDuplicatesUnknownReferencesAndMissingOther() {
        String json = catalogue("""
                {"code":"a","class":"c1","zh":"甲","en":"A","department":"dept-x","deadlines":%s},
                {"code":"a","class":"nope","zh":"甲","en":"A","department":"dept-y","deadlines":%s}
                """.formatted(HANDLE, HANDLE));
        assertThatThrownBy(() -> load(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate category code a")
                .hasMessageContaining("unknown class nope")
                .hasMessageContaining("unknown department dept-y")
                .hasMessageContaining("no 'other' category");
    }

    @Test
    void refusesMissingHandleLimitsBadLimitsAndBadLevels() {
        String json = catalogue("""
                {"code":"other","class":"c1","zh":"其他","en":"Other","department":"dept-x",
                 "levels":{"GREEN":"town"},
                 "deadlines":{"GREEN":{"handle":"4 hours"},"YELLOW":{"handle":"1h"}}}
                """);
        assertThatThrownBy(() -> load(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category other: no handle limit for RED")
                .hasMessageContaining("limit '4 hours' is not like 4wh or 15m")
                .hasMessageContaining("unknown level 'town'");
    }

    @Test
    void aWellFormedSmallCatalogueLoads() throws Exception {
        CategoryCatalogue small = load(catalogue("""
                {"code":"other","class":"c1","zh":"其他","en":"Other","department":"dept-x",
                 "levels":{"GREEN":"street"},"escalateSeverity":false,"deadlines":%s}
                """.formatted(HANDLE)));
        Category other = small.find("other").orElseThrow();
        assertThat(other.levelFor(Severity.GREEN)).isEqualTo(CaseLevel.STREET);
        assertThat(other.levelFor(Severity.RED)).isEqualTo(CaseLevel.DISTRICT);
        assertThat(other.escalatesSeverity()).isFalse();
    }

    private static final String HANDLE = "{\"GREEN\":{\"handle\":\"4wh\"},\"YELLOW\":{\"handle\":\"2wh\"},"
            + "\"RED\":{\"handle\":\"1h\"}}";

    private static String catalogue(String categories) {
        return """
                {"defaults":{"levels":{"GREEN":"cell","YELLOW":"street","RED":"district"},
                  "deadlines":{"GREEN":{"register":"1wh","dispatch":"1wh","handle":"1wd","verify":"2wh"},
                               "YELLOW":{"register":"1wh","dispatch":"1wh","handle":"1wd","verify":"2wh"},
                               "RED":{"register":"1wh","dispatch":"1wh","handle":"1wd","verify":"2wh"}}},
                 "classes":[{"code":"c1","zh":"类","en":"Class"}],
                 "departments":[{"code":"dept-x","zh":"部门","en":"Dept"}],
                 "categories":[%s]}
                """.formatted(categories);
    }

    private static CategoryCatalogue load(String json) throws Exception {
        return CategoryCatalogue.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
