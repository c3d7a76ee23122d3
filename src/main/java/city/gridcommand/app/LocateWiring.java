package city.gridcommand.app;

import city.gridcommand.geo.Grid;
import city.gridcommand.locate.Assignments;
import city.gridcommand.locate.CellPlacer;
import city.gridcommand.locate.GridMap;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.locate.WorkerCellTracker;
import city.gridcommand.locate.WorkerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the framework-free locate stage: the live grid (empty until one is loaded), the tracker, the cell placer. */
@ApplicationScoped
public class LocateWiring {

    @Produces
    @Singleton
    LiveGrid liveGrid() {
        return new LiveGrid(Grid.empty(), GridMap.of(Grid.empty()));
    }

    @Produces
    @Singleton
    WorkerCellTracker workerCellTracker(WorkerSettings settings, Assignments assignments) {
        return new WorkerCellTracker(settings.policy(), assignments::cellsOf);
    }

    @Produces
    @Singleton
    CellPlacer placer(LiveGrid liveGrid, WorkerCellTracker tracker) {
        return new CellPlacer(liveGrid, tracker);
    }
}
