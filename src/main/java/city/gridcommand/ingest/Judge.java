package city.gridcommand.ingest;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Signal;
import java.util.List;

/**
 * The judge stage: what events a placed signal raises or joins, as rule triggers. They travel with the
 * signal and are written in its batch's transaction, and only if the signal is new to the database.
 * Must not block.
 */
@FunctionalInterface
public interface Judge {

    List<EventTrigger> judge(Signal signal, Placement placement);

    /** No rules: nothing is raised. */
    Judge NONE = (signal, placement) -> List.of();
}
