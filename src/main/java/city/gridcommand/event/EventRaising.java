package city.gridcommand.event;

import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.WorkerReport;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides how a signal, a report or a call becomes an event: which events rule
 * triggers raise or join, how a worker report and a hotline call open a case, and the first state the
 * workflow gives each. The store asks it inside the transaction that wrote the signals, for the triggers
 * of the signals that were new to the database only: a redelivered duplicate raises nothing.
 */
public interface EventRaising {

    /**
     * The raises of {@code triggers}: one per signal and event (a signal drawing several triggers for
     * one event counts once, at the highest severity drawn), ordered by (cell, category) so that
     * concurrent writers take the events' row locks in one order and cannot deadlock.
     */
    List<EventRaise> ofTriggers(List<EventTrigger> triggers, long now);

    /**
     * A new worker report: it opens a case in its base cell, or joins the open one there; a report in no
     * base cell is stored but opens nothing (there is no cell to dispatch it in).
     */
    Optional<EventRaise> ofReport(WorkerReport report, CellLocation at, long now);

    /** A case from the hotline (12345) or a dispatcher's screen, in base cell {@code at}. */
    EventRaise ofCall(Call call, CellLocation at, long now);

    /** A call: {@code origin} is {@code hotline} or {@code dispatcher}; {@code severity} may be null. */
    record Call(String origin, String category, Severity severity, String reporter, String description) {
    }
}
