package city.gridcommand.app;

import city.gridcommand.cases.CaseWorkflow;
import city.gridcommand.cases.CategoryCatalogue;
import city.gridcommand.cases.DeadlineTable;
import city.gridcommand.cases.Deadlines;
import city.gridcommand.cases.StepLimit;
import city.gridcommand.cases.WorkflowPolicy;
import city.gridcommand.cases.WorkingCalendar;
import city.gridcommand.cases.runtime.CaseOpening;
import city.gridcommand.cases.runtime.CasesSettings;
import city.gridcommand.event.EventRaising;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the case domain from the catalogue file and typed configuration. */
@ApplicationScoped
public class CasesWiring {

    @Produces
    @Singleton
    CategoryCatalogue catalogue() {
        return CategoryCatalogue.loadDefault();
    }

    @Produces
    @Singleton
    Deadlines deadlines(CategoryCatalogue catalogue, CasesSettings settings) {
        DeadlineTable table = settings.deadlineOverride()
                .map(limit -> DeadlineTable.uniform(StepLimit.calendar(limit)))
                .orElse(catalogue.deadlines());
        return new Deadlines(table, WorkingCalendar.standard());
    }

    @Produces
    @Singleton
    CaseWorkflow workflow(CategoryCatalogue catalogue, Deadlines deadlines, CasesSettings settings) {
        WorkflowPolicy policy = new WorkflowPolicy(settings.autoRegisterMachineReports(), settings.autoDispatch(),
                settings.feedbackNeedsPhoto());
        return new CaseWorkflow(catalogue, deadlines, policy);
    }

    @Produces
    @Singleton
    EventRaising raising(CategoryCatalogue catalogue, CaseWorkflow workflow) {
        return new CaseOpening(catalogue, workflow);
    }
}
