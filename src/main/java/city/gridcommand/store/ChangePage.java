package city.gridcommand.store;

import java.util.List;

/**
 * A page of the change log after a seq, in seq order. {@code tooOld}: some change after that seq was
 * already pruned by retention, so a reader that resumes from it would miss changes and must take a fresh
 * snapshot instead. {@code oldestRetained}: the lowest seq from which the log is whole (a reader may
 * resume from any seq at or above {@code oldestRetained - 1}).
 */
public record ChangePage(List<EventChange> changes, boolean tooOld, long oldestRetained) {

    public ChangePage {
        changes = List.copyOf(changes);
    }

    /** The seq of the last change of the page, or {@code since} when it is empty. */
    public long lastSeq(long since) {
        return changes.isEmpty() ? since : changes.get(changes.size() - 1).seq();
    }
}
