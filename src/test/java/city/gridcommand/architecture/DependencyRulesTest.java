package city.gridcommand.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house as docs/architecture.md draws it: each package depends only on the packages below it
 * in {@link #LAYERS}, the start-up order is decided in {@code app} alone, one logging API, and the
 * domain core free of frameworks. Reads the compiled classes, so an import hidden in a fully qualified
 * name counts too.
 */
class DependencyRulesTest {

    private static final String ROOT = "city.gridcommand.";

    /**
     * Bottom first: the records every stage shares, the map, the stages of the message path, the
     * pipeline that runs them, the adapters behind its ports, the services and doors, the composition root.
     */
    static final List<String> LAYERS = List.of(
            "signal",
            "access",
            "geo", "geo.index", "geo.check", "geo.geojson",
            "event",
            "locate",
            "registry",
            "rules",
            "cases",
            "oncall",
            "alerts",
            "audit",
            "ingest",
            "ingest.mqtt",
            "store",
            "cases.runtime",
            "rules.runtime",
            "live",
            "oncall.runtime",
            "alerts.runtime",
            "sim",
            "grid",
            "embedded",
            "signin",
            "api",
            "screen",
            "app");

    /** The domain core: plain Java, unit-tested in milliseconds. */
    static final List<String> PURE = List.of("signal", "access", "geo", "geo.index", "geo.check", "geo.geojson",
            "event", "rules", "cases", "oncall", "alerts", "audit");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("city.gridcommand");
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        TreeSet<String> unplaced = new TreeSet<>();
        for (JavaClass c : classes) {
            if (LAYERS.indexOf(layerOf(c)) < 0) {
                unplaced.add(c.getPackageName());
            }
        }
        assertThat(unplaced).as("packages missing from LAYERS (and from docs/architecture.md)").isEmpty();
    }

    @Test
    void noPackageDependsOnOneAboveIt() {
        List<String> upward = new ArrayList<>();
        for (JavaClass c : classes) {
            int from = LAYERS.indexOf(layerOf(c));
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith("city.gridcommand")) {
                    continue;
                }
                int to = LAYERS.indexOf(layerOf(target));
                if (to > from) {
                    upward.add(layerOf(c) + " -> " + layerOf(target) + ": " + d.getDescription());
                }
            }
        }
        assertThat(upward).as("dependencies on a higher layer").isEmpty();
    }

    @Test
    void onlyTheCompositionRootDecidesStartAndStop() {
        List<String> observers = new ArrayList<>();
        for (JavaClass c : classes) {
            if (layerOf(c).equals("app")) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (m.getRawParameterTypes().stream().anyMatch(
                        t -> t.isEquivalentTo(StartupEvent.class) || t.isEquivalentTo(ShutdownEvent.class))) {
                    observers.add(m.getFullName());
                }
            }
        }
        assertThat(observers).as("start-up or shutdown observers outside app (the sequence lives in "
                + "app.StartupSequence)").isEmpty();
    }

    @Test
    void oneLoggingApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("the service logs through JBoss Logging, as Quarkus does").check(classes);
    }

    @Test
    void theDomainCoreIsPlainJava() {
        for (String pkg : PURE) {
            noClasses().that().resideInAPackage(ROOT + pkg)
                    .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "io.smallrye..",
                            "jakarta..", "io.netty..", "java.sql..")
                    .because("the domain core is plain Java, records in, records out").check(classes);
        }
    }

    private static String layerOf(JavaClass c) {
        return c.getPackageName().startsWith(ROOT) ? c.getPackageName().substring(ROOT.length()) : c.getPackageName();
    }
}
