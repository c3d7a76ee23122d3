package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.EventFacts;
import city.gridcommand.signal.Severity;
import city.gridcommand.store.StoredEvent;

/** An event as the alerts see it. */
final class Facts {

    private Facts() {
    }

    static EventFacts of(StoredEvent e) {
        return new EventFacts(e.id().toString(), e.cell(), e.cellPath(), e.category(), Severity.valueOf(e.severity()),
                e.state(), e.overdue(), e.reworkCount(), e.department(),
                e.trigger() == null ? null : e.trigger().getMap(), e.deadline());
    }
}
