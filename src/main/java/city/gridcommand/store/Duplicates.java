package city.gridcommand.store;

import city.gridcommand.ingest.DeadLetter;
import city.gridcommand.ingest.PendingItem;
import city.gridcommand.ingest.RejectReason;
import city.gridcommand.signal.Signal;
import city.gridcommand.store.SignalKeys.FeedKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts the rows of one feed's insert that {@code ON CONFLICT DO NOTHING} skipped. When the stored row
 * was made from the same payload (its hash), the message is a redelivery: a duplicate. When it was made
 * from another payload, the message is a conflicting duplicate: not stored a second time, and not dropped
 * either, but dead-lettered with both hashes in the same transaction. Costs nothing while every row is
 * new; otherwise one lookup of the stored hashes per feed and batch, never one per message.
 */
final class Duplicates {

    /**
     * What one feed's insert found: how many rows were new, which items they were (when the insert
     * returned its rows, else null), and a dead letter for each conflicting duplicate.
     */
    record Sorted(int fresh, List<PendingItem> freshItems, List<PendingItem> conflicts) {
    }

    private Duplicates() {
    }

    /** After an insert that returned the key and payload hash of every new row ({@link FeedKey#returning()}). */
    static Future<Sorted> ofReturned(SqlConnection connection, FeedKey key, List<PendingItem> rows,
            RowSet<Row> inserted) {
        if (inserted.rowCount() == rows.size()) {
            return Future.succeededFuture(new Sorted(rows.size(), rows, List.of()));
        }
        Map<List<Object>, Long> newRows = new HashMap<>();
        for (Row row : inserted) {
            newRows.put(key.of(row), row.getLong(key.columns().size()));
        }
        Set<List<Object>> claimed = new HashSet<>();
        List<PendingItem> fresh = new ArrayList<>();
        List<PendingItem> conflicts = new ArrayList<>();
        List<PendingItem> storedBefore = new ArrayList<>();
        for (PendingItem item : rows) {
            List<Object> identity = key.of(item.signal());
            Long stored = newRows.get(identity);
            if (stored == null) {
                storedBefore.add(item);
                continue;
            }
            long own = PayloadHash.of(item.payload());
            if (own != stored) {
                conflicts.add(deadLetter(item, key, stored, own));
            } else if (claimed.add(identity)) {
                fresh.add(item);
            } // else the same message twice in one batch: a redelivery
        }
        return compareWithStored(connection, key, storedBefore, conflicts)
                .map(v -> new Sorted(fresh.size(), fresh, conflicts));
    }

    /** After an insert that only counted its new rows. */
    static Future<Sorted> ofCount(SqlConnection connection, FeedKey key, List<PendingItem> rows, int inserted) {
        if (inserted == rows.size()) {
            return Future.succeededFuture(new Sorted(inserted, null, List.of()));
        }
        // The rows just inserted are compared too, and match themselves: only the others can conflict.
        List<PendingItem> conflicts = new ArrayList<>();
        return compareWithStored(connection, key, rows, conflicts).map(v -> new Sorted(inserted, null, conflicts));
    }

    /**
     * Adds to {@code conflicts} a dead letter for each item whose stored row has another payload hash. A
     * row stored before hashes were kept (null hash) cannot be told apart and counts as a redelivery.
     */
    private static Future<Void> compareWithStored(SqlConnection connection, FeedKey key, List<PendingItem> items,
            List<PendingItem> conflicts) {
        if (items.isEmpty()) {
            return Future.succeededFuture();
        }
        return connection.preparedQuery(key.lookup()).execute(key.lookupParameters(items)).map(rows -> {
            for (Row row : rows) {
                PendingItem item = items.get(row.getLong(0).intValue() - 1);
                Long stored = row.getLong(1);
                long own = PayloadHash.of(item.payload());
                if (stored != null && stored != own) {
                    conflicts.add(deadLetter(item, key, stored, own));
                }
            }
            return null;
        });
    }

    /** The dead letter of a conflicting duplicate: its whole payload, and both hashes in the detail. */
    private static PendingItem deadLetter(PendingItem item, FeedKey key, long stored, long own) {
        Signal signal = item.signal();
        String detail = "same " + key.describe(signal) + " as a stored " + item.source().label()
                + " with a different payload (stored " + PayloadHash.text(stored) + ", this one "
                + PayloadHash.text(own) + "); the stored one is kept";
        DeadLetter letter = DeadLetter.ofItem(item, RejectReason.CONFLICTING_DUPLICATE, detail, Integer.MAX_VALUE);
        return PendingItem.rejected(letter, item.source(), item.ack());
    }
}
