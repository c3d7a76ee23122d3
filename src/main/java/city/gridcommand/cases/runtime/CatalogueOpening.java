package city.gridcommand.cases.runtime;

import city.gridcommand.cases.CaseSnapshot;
import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.cases.Category;
import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.Reporter;
import city.gridcommand.cases.ReporterKind;
import city.gridcommand.signal.Severity;
import city.gridcommand.store.CaseOpening;
import java.util.List;

/**
 * Opens cases as the workflow does (信息收集): the catalogue's category (unknown codes become
 * {@code other}), routed to the level that answers for its severity, the register deadline running.
 */
final class CatalogueOpening implements CaseOpening {

    private final CategoryCatalogue catalogue;
    private final CaseWorkflow workflow;

    CatalogueOpening(CategoryCatalogue catalogue, CaseWorkflow workflow) {
        this.catalogue = catalogue;
        this.workflow = workflow;
    }

    @Override
    public Opening open(String category, Severity requested, List<String> cellPath, long now) {
        Category known = catalogue.resolve(category);
        Severity severity = requested == null ? Severity.GREEN : requested;
        // the reporter does not change how a case opens; the store records who reported it
        CaseSnapshot opened = workflow.open("new", known.code(), severity, cellPath,
                new Reporter(ReporterKind.SCREEN, "opening"), now);
        return new Opening(known.code(), severity, opened.level().wireName(), known.department(), "register",
                opened.deadline());
    }
}
