package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The port through which ingest makes a batch durable: all of it in one transaction, or none of it.
 * Duplicates (a redelivered sender id + seq, or report id) are skipped by the store, not refused.
 */
public interface BatchStore {

    /**
     * Writes the signals and dead letters of {@code items}. Completes with how many signals of each
     * source were new; fails with {@link BatchStoreException} when nothing was written.
     */
    CompletionStage<StoredCounts> write(List<PendingItem> items);

    /** New rows per source; the rest of a source's signals in the batch were duplicates. */
    record StoredCounts(int[] newBySource) {

        public static StoredCounts none() {
            return new StoredCounts(new int[SignalSource.values().length]);
        }

        public int newOf(SignalSource source) {
            return newBySource[source.ordinal()];
        }
    }
}
