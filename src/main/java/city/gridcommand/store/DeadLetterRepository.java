package city.gridcommand.store;

import city.gridcommand.ingest.DeadLetterArchive;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads dead letters page by page (keyset on id, so pages stay stable while new ones arrive), one whole,
 * and for a replay those never replayed, which it then marks.
 */
@ApplicationScoped
public class DeadLetterRepository implements DeadLetterArchive {

    /** Payload bytes a list page shows of each dead letter; one dead letter shows all it kept. */
    public static final int PAGE_PAYLOAD_BYTES = 4096;

    private static final String PAGE = """
            SELECT id, reason, detail, topic, source, sender_id, received_at, payload_size, replayed_at, gateway_id,
                   substring(payload FROM 1 FOR %d) AS payload
            FROM dead_letter
            WHERE ($1::text IS NULL OR reason = $1)
              AND ($6::text IS NULL OR gateway_id = $6)
              AND ($2::int8 IS NULL OR received_at >= $2)
              AND ($3::int8 IS NULL OR received_at < $3)
              AND ($4::int8 IS NULL OR id < $4)
            ORDER BY id DESC
            LIMIT $5""".formatted(PAGE_PAYLOAD_BYTES);

    private static final String ONE = """
            SELECT id, reason, detail, topic, source, sender_id, received_at, payload_size, replayed_at, gateway_id,
                   payload
            FROM dead_letter
            WHERE id = $1""";

    /** Only whole payloads can be replayed: an oversized message kept just its first bytes. */
    private static final String UNREPLAYED = """
            SELECT id, topic, payload, received_at
            FROM dead_letter
            WHERE replayed_at IS NULL AND octet_length(payload) = payload_size
              AND ($1::text IS NULL OR reason = $1)
              AND ($2::int8 IS NULL OR received_at >= $2)
              AND ($3::int8 IS NULL OR received_at < $3)
              AND id > $4 AND id <= $5
            ORDER BY id
            LIMIT $6""";

    private final Pool pool;

    DeadLetterRepository(Pool pool) {
        this.pool = pool;
    }

    public CompletionStage<List<StoredDeadLetter>> page(DeadLetterQuery query) {
        Tuple params = Tuple.tuple()
                .addString(query.reason() == null ? null : query.reason().code())
                .addLong(query.from())
                .addLong(query.to())
                .addLong(query.before())
                .addInteger(query.limit())
                .addString(query.gateway());
        return pool.preparedQuery(PAGE).execute(params).map(DeadLetterRepository::letters).toCompletionStage();
    }

    /** One dead letter with all of its kept payload. */
    public CompletionStage<Optional<StoredDeadLetter>> find(long id) {
        return pool.preparedQuery(ONE).execute(Tuple.of(id))
                .map(rows -> letters(rows).stream().findFirst()).toCompletionStage();
    }

    @Override
    public CompletionStage<Long> newestId() {
        return pool.query("SELECT coalesce(max(id), 0) FROM dead_letter").execute()
                .map(rows -> rows.iterator().next().getLong(0)).toCompletionStage();
    }

    @Override
    public CompletionStage<List<Kept>> unreplayed(Filter filter, long afterId, long upToId, int limit) {
        Tuple params = Tuple.tuple()
                .addString(filter.reason() == null ? null : filter.reason().code())
                .addLong(filter.from())
                .addLong(filter.to())
                .addLong(afterId)
                .addLong(upToId)
                .addInteger(limit);
        return pool.preparedQuery(UNREPLAYED).execute(params).map(rows -> {
            List<Kept> kept = new ArrayList<>(rows.size());
            for (Row row : rows) {
                kept.add(new Kept(row.getLong("id"), row.getString("topic"), row.getBuffer("payload").getBytes(),
                        row.getLong("received_at")));
            }
            return kept;
        }).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> markReplayed(List<Long> ids, long at) {
        Tuple params = Tuple.tuple().addLong(at).addArrayOfLong(ids.toArray(Long[]::new));
        return pool.preparedQuery("UPDATE dead_letter SET replayed_at = $1 WHERE id = ANY($2)").execute(params)
                .<Void>mapEmpty().toCompletionStage();
    }

    private static List<StoredDeadLetter> letters(RowSet<Row> rows) {
        List<StoredDeadLetter> letters = new ArrayList<>(rows.size());
        for (Row row : rows) {
            letters.add(new StoredDeadLetter(row.getLong("id"), row.getString("reason"), row.getString("detail"),
                    row.getString("topic"), row.getString("source"), row.getString("sender_id"),
                    row.getLong("received_at"), row.getBuffer("payload").getBytes(), row.getInteger("payload_size"),
                    row.getLong("replayed_at"), row.getString("gateway_id")));
        }
        return letters;
    }
}
