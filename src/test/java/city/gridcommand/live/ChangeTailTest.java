package city.gridcommand.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridcommand.event.EventRaise;
import city.gridcommand.store.Await;
import city.gridcommand.store.CaseStore;
import city.gridcommand.store.ChangeLogReader;
import city.gridcommand.store.EventChange;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * One instance's tail of the change log: changes committed by two writers with pools of their own (two
 * instances) reach its listener once each, in seq order, woken by notifications alone; with no
 * notification at all (a poll-only tail), a change still arrives by the poll.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class ChangeTailTest {

    /** So long that only a notification can wake the tail within the test. */
    private static final Duration NO_POLL = Duration.ofHours(1);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void changesOfTwoInstancesReachTheListenerOnceEachInSeqOrder() {
        Pool other = Pool.pool(vertx, connectOptions(), new PoolOptions().setMaxSize(2));
        ChangeTail tail = new ChangeTail(new ChangeLogReader(pool), new ChangeNotifications(vertx, connectOptions()),
                NO_POLL, 2);
        ConcurrentLinkedQueue<EventChange> delivered = new ConcurrentLinkedQueue<>();
        try {
            tail.start();
            tail.follow(delivered::add);
            CaseStore first = new CaseStore(pool, changes -> { });
            CaseStore second = new CaseStore(other, changes -> { });
            String community = randomCommunity();
            // the tail reads when its LISTEN is in place, or when notified: once this change arrives it listens,
            // and with no poll to speak of, every change after it can reach it only by a notification
            EventChange warmUp = Await.result(first.raise(raise(community + "000", "fire")));
            await().until(() -> tail.position() >= warmUp.seq());

            List<EventChange> written = new ArrayList<>();
            written.addAll(Await.result(first.raiseAll(List.of(raise(community + "001", "fire"),
                    raise(community + "002", "fire"), raise(community + "003", "fire")))));
            written.add(Await.result(second.raise(raise(community + "001", "flood"))));
            written.add(Await.result(first.raise(raise(community + "001", "fire"))));
            written.addAll(Await.result(second.raiseAll(List.of(raise(community + "004", "fire"),
                    raise(community + "005", "fire")))));
            Set<Long> seqs = written.stream().map(EventChange::seq).collect(Collectors.toSet());

            await().until(() -> delivered.stream().filter(change -> seqs.contains(change.seq())).count() >= seqs.size());

            List<Long> all = delivered.stream().map(EventChange::seq).toList();
            assertThat(all).as("every change once, in seq order").isSorted().doesNotHaveDuplicates();
            assertThat(all).containsAll(seqs);
            assertThat(tail.position()).isGreaterThanOrEqualTo(written.stream().mapToLong(EventChange::seq).max()
                    .orElseThrow());
            EventChange read = delivered.stream().filter(change -> change.seq() == written.get(3).seq()).findFirst()
                    .orElseThrow();
            assertThat(read.message()).isEqualTo(written.get(3).message());
        } finally {
            tail.stop();
            other.close();
        }
    }

    @Test
    void aChangeWhoseNotificationNoOneHeardArrivesByThePoll() {
        ChangeTail tail = new ChangeTail(new ChangeLogReader(pool), null, Duration.ofMillis(200), 500);
        ConcurrentLinkedQueue<EventChange> delivered = new ConcurrentLinkedQueue<>();
        try {
            tail.start();
            ChangeTail.Subscription subscription = tail.follow(delivered::add);
            EventChange change = Await.result(new CaseStore(pool, changes -> { })
                    .raise(raise(randomCommunity() + "001", "fire")));

            await().until(() -> delivered.stream().anyMatch(c -> c.seq() == change.seq()));

            subscription.close();
            EventChange later = Await.result(new CaseStore(pool, changes -> { })
                    .raise(raise(randomCommunity() + "001", "fire")));
            await().until(() -> tail.position() >= later.seq());
            assertThat(delivered).as("nothing after the subscription was closed")
                    .noneMatch(c -> c.seq() == later.seq());
        } finally {
            tail.stop();
        }
    }

    private static PgConnectOptions connectOptions() {
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url",
                String.class));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        return options;
    }

    private static String randomCommunity() {
        return "440399" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static EventRaise raise(String cell, String category) {
        List<String> path = List.of(cell.substring(0, 6), cell.substring(0, 9), cell.substring(0, 12), cell);
        return new EventRaise(cell, path, category, "YELLOW", "cell", "dept-" + category, "dispatcher", "screen",
                "tester", null, Map.of("source", "screen", "id", "tester"), "test", "screen:tester", "register",
                null, "tester");
    }
}
