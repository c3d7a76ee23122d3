package city.gridcommand.store;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waits for a store call from code that may block (start-up, scheduled jobs, blocking endpoints): the
 * result, or the failure itself when it is unchecked, not the {@link CompletionException} that
 * {@code join()} wraps it in, so callers catch and report what the database said.
 */
public final class Await {

    private Await() {
    }

    /** Never call it on an event loop. */
    public static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
