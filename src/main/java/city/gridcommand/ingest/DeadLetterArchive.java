package city.gridcommand.ingest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The port through which stored dead letters are read back for a replay and marked once replayed
 * (implemented by the store).
 */
public interface DeadLetterArchive {

    /**
     * Which dead letters a replay takes.
     *
     * @param reason only this reason, or null for every reason
     * @param from   received at or after (epoch ms), or null
     * @param to     received before (epoch ms), or null
     */
    record Filter(RejectReason reason, Long from, Long to) {
    }

    /** A dead letter whose whole payload was kept, as a replay re-injects it. */
    record Kept(long id, String topic, byte[] payload, long receivedAt) {
    }

    /** The id of the newest dead letter, 0 when there is none. */
    CompletionStage<Long> newestId();

    /**
     * At most {@code limit} dead letters that match {@code filter}, were never replayed and kept their
     * whole payload, with ids after {@code afterId} and up to {@code upToId}, in id order.
     */
    CompletionStage<List<Kept>> unreplayed(Filter filter, long afterId, long upToId, int limit);

    /** Marks these dead letters replayed at {@code at} (epoch ms). */
    CompletionStage<Void> markReplayed(List<Long> ids, long at);
}
