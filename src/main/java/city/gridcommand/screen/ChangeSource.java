package city.gridcommand.screen;

import city.gridcommand.store.ChangePage;
import city.gridcommand.store.EventChange;
import city.gridcommand.store.LogPosition;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The durable change log as a screen reads it: where it stands, the changes of a scope after a seq a page
 * at a time ({@code store.ChangeLogReader}), and its tail: every committed change of any instance, in seq
 * order, on the tail's thread ({@code live.ChangeTail}). {@link ChangeLogSource} is the service's.
 */
interface ChangeSource {

    CompletionStage<LogPosition> position();

    CompletionStage<ChangePage> after(long since, String scope, int limit);

    /** Follows the tail until the returned handle is closed; the listener must only enqueue. */
    AutoCloseable follow(Consumer<EventChange> listener);
}
