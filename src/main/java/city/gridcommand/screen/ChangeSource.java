package city.gridcommand.screen;

import city.gridcommand.store.EventChange;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The durable change log as a screen reads it: where it stands (its epoch and the position every change up
 * to which is committed) and the changes of a scope after a position, a page at a time. Live changes come
 * from its tail: every committed change of any instance, in seq order, on the tail's thread.
 */
interface ChangeSource {

    /** The log's epoch (a log restarted from nothing has another) and a position in it. */
    record Position(String epoch, long seq) {
    }

    /** Changes after a position in seq order; {@code tooOld} when that position is no longer retained. */
    record Page(List<EventChange> changes, boolean tooOld) {
    }

    CompletionStage<Position> position();

    CompletionStage<Page> after(long since, String scope, int limit);

    /** Follows the tail until the returned handle is closed; the listener must only enqueue. */
    AutoCloseable follow(Consumer<EventChange> listener);
}
