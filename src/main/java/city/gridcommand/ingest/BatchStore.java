package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The port through which ingest makes a batch durable: all of it in one transaction, or none of it.
 * A signal whose feed key is stored already is skipped: a redelivery (the same payload) as a duplicate,
 * another payload under the same key as a conflicting duplicate, which the store dead-letters itself.
 */
public interface BatchStore {

    /**
     * Writes the signals and dead letters of {@code items}. Completes with how many signals of each
     * source were new and how many were conflicting duplicates; fails with {@link BatchStoreException}
     * when nothing was written.
     */
    CompletionStage<StoredCounts> write(List<PendingItem> items);

    /**
     * New rows and conflicting duplicates (dead-lettered as {@link RejectReason#CONFLICTING_DUPLICATE})
     * per source; the rest of a source's signals in the batch were duplicates.
     */
    record StoredCounts(int[] newBySource, int[] conflictsBySource) {

        /** Counts of a batch without conflicting duplicates. */
        public StoredCounts(int[] newBySource) {
            this(newBySource, new int[newBySource.length]);
        }

        public static StoredCounts none() {
            return new StoredCounts(new int[SignalSource.values().length]);
        }

        public int newOf(SignalSource source) {
            return newBySource[source.ordinal()];
        }

        public int conflictsOf(SignalSource source) {
            return conflictsBySource[source.ordinal()];
        }
    }
}
