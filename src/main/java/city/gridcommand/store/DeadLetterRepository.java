package city.gridcommand.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Reads dead letters page by page (keyset on id, so pages stay stable while new ones arrive). */
@ApplicationScoped
public class DeadLetterRepository {

    private static final String SELECT = """
            SELECT id, reason, detail, topic, source, sender_id, received_at, payload, payload_size
            FROM dead_letter
            WHERE ($1::text IS NULL OR reason = $1)
              AND ($2::int8 IS NULL OR received_at >= $2)
              AND ($3::int8 IS NULL OR received_at < $3)
              AND ($4::int8 IS NULL OR id < $4)
            ORDER BY id DESC
            LIMIT $5""";

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
                .addInteger(query.limit());
        return pool.preparedQuery(SELECT).execute(params).map(rows -> {
            List<StoredDeadLetter> page = new ArrayList<>(rows.size());
            for (Row row : rows) {
                page.add(new StoredDeadLetter(row.getLong("id"), row.getString("reason"), row.getString("detail"),
                        row.getString("topic"), row.getString("source"), row.getString("sender_id"),
                        row.getLong("received_at"), row.getBuffer("payload").getBytes(), row.getInteger("payload_size")));
            }
            return page;
        }).toCompletionStage();
    }
}
