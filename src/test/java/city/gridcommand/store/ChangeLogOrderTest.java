package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.event.EventRaise;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The change log's seq is in commit order: while a transaction that logged a change is open, a change
 * logged after it by another transaction is not readable, and once both commit the first one's seq is
 * the lower. A reader that has seen seq N can never miss a change below N.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class ChangeLogOrderTest {

    @Inject
    Pool pool;

    @Test
    void aChangeCommittedAfterAnOpenOneIsNotReadBeforeItAndGetsTheHigherSeq() {
        long since = Await.result(pool.query("SELECT coalesce(max(seq), 0) FROM event_change").execute()
                .map(rows -> rows.iterator().next().getLong(0)).toCompletionStage());
        String cell = randomCell();
        EventRaise first = raise(cell, "fire");
        EventRaise second = raise(cell, "flood");

        SqlConnection c1 = Await.result(pool.getConnection().toCompletionStage());
        SqlConnection c2 = Await.result(pool.getConnection().toCompletionStage());
        try {
            Transaction t1 = Await.result(c1.begin().toCompletionStage());
            UUID firstEvent = Await.result(log(c1, first).toCompletionStage()).event().id();

            // T2 logs a change after T1 and commits, or waits for T1 trying to
            CompletableFuture<UUID> t2 = c2.begin()
                    .compose(tx -> log(c2, second).compose(change -> tx.commit().map(v -> change.event().id())))
                    .toCompletionStage().toCompletableFuture();
            int t2Backend = ((PgConnection) c2).processId();
            await().until(() -> t2.isDone() || waitsForALock(t2Backend));

            List<UUID> seen = eventsLoggedAfter(since);
            assertThat(seen).as("nothing of T2 is readable while T1, which logged first, is in flight")
                    .doesNotContain(secondEventOf(cell));

            Await.result(t1.commit().toCompletionStage());
            UUID secondEvent = Await.result(t2);

            assertThat(eventsLoggedAfter(since)).as("both, the first one first").containsSubsequence(firstEvent,
                    secondEvent);
        } finally {
            c1.close();
            c2.close();
        }
    }

    private static Future<EventChange> log(SqlConnection connection, EventRaise raise) {
        return EventUpsert.apply(connection, raise, System.currentTimeMillis())
                .compose(change -> ChangeLog.append(connection, List.of(change))).map(logged -> logged.get(0));
    }

    private boolean waitsForALock(int backend) {
        return Await.result(pool.preparedQuery("SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1")
                .execute(Tuple.of(backend)).map(rows -> {
                    Row row = rows.iterator().next();
                    return "Lock".equals(row.getString(0));
                }).toCompletionStage());
    }

    /** The events of the readable changes after {@code since}, in seq order. */
    private List<UUID> eventsLoggedAfter(long since) {
        return Await.result(pool.preparedQuery("SELECT event_id FROM event_change WHERE seq > $1 ORDER BY seq")
                .execute(Tuple.of(since)).map(rows -> {
                    List<UUID> events = new ArrayList<>();
                    rows.forEach(row -> events.add(row.getUUID(0)));
                    return events;
                }).toCompletionStage());
    }

    /** The committed event of the second raise, if it is readable yet (else a random id no change has). */
    private UUID secondEventOf(String cell) {
        return Await.result(pool.preparedQuery("SELECT id FROM event WHERE cell = $1 AND category = 'flood'")
                .execute(Tuple.of(cell)).map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0)
                        : UUID.randomUUID())
                .toCompletionStage());
    }

    static String randomCell() {
        return "440399" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    static EventRaise raise(String cell, String category) {
        List<String> path = List.of(cell.substring(0, 6), cell.substring(0, 9), cell.substring(0, 12), cell);
        return new EventRaise(cell, path, category, "YELLOW", "cell", "dept-" + category, "dispatcher", "screen",
                "tester", null, Map.of("source", "screen", "id", "tester"), "test", "screen:tester", "register",
                null, "tester");
    }
}
