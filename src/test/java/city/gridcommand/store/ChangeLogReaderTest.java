package city.gridcommand.store;

import static city.gridcommand.store.ChangeLogOrderTest.raise;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the change log: its position and epoch, the changes after a seq of one cell's scope or of all,
 * a page at a time, and the word that a seq is too old once retention pruned changes after it.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class ChangeLogReaderTest {

    private static final long DAY_MS = 86_400_000L;

    @Inject
    Pool pool;

    @Inject
    ChangeLogReader reader;

    @Inject
    PartitionMaintainer maintainer;

    private CaseStore writer;
    private Db db;

    @BeforeEach
    void setUp() {
        writer = new CaseStore(pool, changes -> { });
        db = new Db(pool);
    }

    @Test
    void thePositionIsTheLastCommittedSeqOfALogWithOneEpoch() {
        LogPosition before = Await.result(reader.position());
        String community = randomCommunity();

        List<EventChange> logged = Await.result(writer.raiseAll(List.of(raise(community + "001", "fire"),
                raise(community + "002", "fire"))));
        LogPosition after = Await.result(reader.position());

        assertThat(UUID.fromString(after.epoch())).hasToString(db.text("SELECT epoch FROM change_log"));
        assertThat(after.epoch()).isEqualTo(before.epoch());
        assertThat(logged).extracting(EventChange::seq).allMatch(seq -> seq > before.seq() && seq <= after.seq());
        assertThat(logged.get(1).seq()).as("one transaction's changes in the order given, one seq after another")
                .isEqualTo(logged.get(0).seq() + 1);
        assertThat(after.seq()).isGreaterThanOrEqualTo(logged.get(1).seq());
    }

    @Test
    void aScopeReadsTheChangesOfItsCellAndEverythingUnderItAPageAtATime() {
        long since = Await.result(reader.position()).seq();
        String community = randomCommunity();
        String otherCommunity = randomCommunity();
        EventChange a1 = Await.result(writer.raise(raise(community + "001", "fire")));
        EventChange b = Await.result(writer.raise(raise(otherCommunity + "001", "fire")));
        EventChange a2 = Await.result(writer.raise(raise(community + "002", "flood")));
        EventChange a3 = Await.result(writer.raise(raise(community + "001", "fire")));

        ChangePage first = Await.result(reader.after(since, community, 2));
        ChangePage second = Await.result(reader.after(first.lastSeq(since), community, 2));
        ChangePage rest = Await.result(reader.after(second.lastSeq(since), community, 2));
        ChangePage cell = Await.result(reader.after(since, community + "001", 10));
        ChangePage all = Await.result(reader.after(since, ChangeLogReader.EVERY_CELL, 1000));

        assertThat(first.changes()).extracting(EventChange::seq).containsExactly(a1.seq(), a2.seq());
        assertThat(second.changes()).extracting(EventChange::seq).containsExactly(a3.seq());
        assertThat(rest.changes()).isEmpty();
        assertThat(first.tooOld()).isFalse();
        assertThat(cell.changes()).extracting(EventChange::seq).containsExactly(a1.seq(), a3.seq());
        assertThat(all.changes()).extracting(EventChange::seq).containsSubsequence(a1.seq(), b.seq(), a2.seq(), a3.seq())
                .isSorted();
        assertThat(second.changes().get(0).type()).as("the second fire in the cell joins the first")
                .isEqualTo(EventChange.UPDATED);
        assertThat(second.changes().get(0).message()).as("read back, the change is the message it was")
                .isEqualTo(a3.message());
    }

    @Test
    void aSeqBeforeAChangeThatRetentionPrunedIsTooOld() {
        long since = Await.result(reader.position()).seq();
        String cell = randomCommunity() + "001";
        EventChange current = Await.result(writer.raise(raise(cell, "fire")));
        // a change of eight days ago (the log keeps seven), logged after it
        EventChange old = Await.result(pool.withTransaction(connection -> staleChange(connection, current))
                .toCompletionStage());

        assertThat(Await.result(reader.after(since, cell, 10)).tooOld()).isFalse();
        maintainer.maintain();

        ChangePage fromBefore = Await.result(reader.after(since, cell, 10));
        ChangePage fromOld = Await.result(reader.after(old.seq(), cell, 10));
        assertThat(fromBefore.tooOld()).as("the change at %d was pruned", old.seq()).isTrue();
        assertThat(fromBefore.oldestRetained()).isGreaterThan(old.seq());
        assertThat(fromBefore.changes()).extracting(EventChange::seq).containsExactly(current.seq());
        assertThat(fromOld.tooOld()).isFalse();
    }

    /**
     * A row whose body lacks the event's fields (written by hand, or by an older version) still reads, its id
     * and cell from the row's own columns: a reader (the live tail, the alert watch) is never stuck on it.
     */
    @Test
    void aRowWithoutTheEventInItsBodyReadsWithItsOwnIdAndCell() {
        LogPosition before = Await.result(reader.position());
        String cell = randomCommunity() + "001";
        UUID event = UUID.randomUUID();
        db.execute("INSERT INTO event_change (event_id, cell, cell_path, type, at, body) VALUES ('" + event + "', '"
                + cell + "', ARRAY['" + cell.substring(0, 6) + "'], 'event.updated', 1, '{}')");
        ChangePage page = Await.result(reader.after(before.seq(), ChangeLogReader.EVERY_CELL, 10));
        assertThat(page.changes()).filteredOn(c -> c.event().id().equals(event)).singleElement()
                .satisfies(c -> assertThat(c.event().cell()).isEqualTo(cell));
    }

    @Test
    void theScopedReadOfOneStreetUsesTheCellPathIndex() {
        // forty thousand changes in four hundred streets, rolled back: the plan for one street's changes
        String district = "4403" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));
        List<String> plan = new ArrayList<>();
        SqlConnection connection = Await.result(pool.getConnection().toCompletionStage());
        try {
            Await.result(connection.begin().compose(tx -> connection.query("""
                            INSERT INTO event_change (seq, event_id, cell, cell_path, type, at, body)
                            SELECT 1000000000000 + i, gen_random_uuid(), s || '001', ARRAY['%1$s', s, s || '001'], 'event.updated', 0, '{}'
                            FROM (SELECT i, '%1$s' || lpad((i %% 400)::text, 3, '0') AS s
                                  FROM generate_series(1, 40000) i) streets""".formatted(district)).execute()
                    .compose(v -> connection.query("ANALYZE event_change").execute())
                    .compose(v -> connection.preparedQuery("EXPLAIN " + ChangeLogReader.SCOPED)
                            .execute(Tuple.of(0L, 500, district + "007")))
                    .map(rows -> {
                        for (Row row : rows) {
                            plan.add(row.getString(0));
                        }
                        return null;
                    })
                    .eventually(() -> tx.rollback())).toCompletionStage());
        } finally {
            connection.close();
        }
        assertThat(String.join("\n", plan)).as(String.join("\n", plan)).contains("event_change_path");
    }

    /** Logs a change made eight days ago, as the last statement of the transaction. */
    private static io.vertx.core.Future<EventChange> staleChange(SqlConnection connection, EventChange current) {
        long eightDaysAgo = System.currentTimeMillis() - 8 * DAY_MS;
        return ChangeLog.append(connection, List.of(new EventChange(EventChange.UPDATED, current.event(), 0,
                eightDaysAgo))).map(logged -> logged.get(0));
    }

    /** A community of its own (twelve digits) under a district no grid of the tests has. */
    private static String randomCommunity() {
        return "440399" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    }
}
