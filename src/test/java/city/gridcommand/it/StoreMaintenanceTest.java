package city.gridcommand.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.store.DailyPartitions;
import city.gridcommand.store.PartitionMaintainer;
import city.gridcommand.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Partitions that cannot trap and tables that cannot fill the disk, against the real database. */
@QuarkusTest
class StoreMaintenanceTest {

    private static final long DAY_MS = 86_400_000L;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Inject
    Pool pool;

    @Inject
    PartitionMaintainer maintainer;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDayWhoseRowsFellIntoTheDefaultPartitionGetsItsPartitionAndItsRows() {
        Db db = new Db(pool);
        DailyPartitions.Day day = dayFromToday(2);
        String partition = day.nameFor("telemetry");
        detachAndDrop(db, partition);
        String device = "maint-" + run;
        db.execute("INSERT INTO telemetry (device_id, seq, ts, received_at, metrics) VALUES ('" + device + "', 1, "
                + (day.fromMs() + 1000) + ", " + System.currentTimeMillis() + ", '{}')");
        assertThat(db.count("SELECT count(*) FROM telemetry_default WHERE device_id = $1", device)).isEqualTo(1);

        assertThat(maintainer.maintain()).isZero();

        assertThat(db.count("SELECT count(*) FROM telemetry_default WHERE device_id = $1", device)).isZero();
        assertThat(db.count("SELECT count(*) FROM " + partition + " WHERE device_id = $1", device)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", device)).isEqualTo(1);
        assertThat(isPartitionOf(db, partition, "telemetry")).isTrue();
    }

    @Test
    void aStepThatFailsIsCountedAndRetriedWithoutStoppingTheOthers() {
        Db db = new Db(pool);
        String blocked = dayFromToday(3).nameFor("telemetry");
        String other = dayFromToday(3).nameFor("worker_position");
        detachAndDrop(db, blocked);
        detachAndDrop(db, other);
        // something else took the partition's name: its creation fails until that is cleared
        db.execute("CREATE TABLE " + blocked + " (unrelated int)");
        try {
            assertThat(maintainer.maintain()).isGreaterThanOrEqualTo(1);
            assertThat(isPartitionOf(db, other, "worker_position")).isTrue();
            assertThat(given().get(metrics).then().statusCode(200).extract().asString())
                    .contains("grid_store_maintenance_failures_total{table=\"telemetry\"}");
        } finally {
            db.execute("DROP TABLE " + blocked);
        }
        assertThat(maintainer.maintain()).isZero();
        assertThat(isPartitionOf(db, blocked, "telemetry")).isTrue();
    }

    @Test
    void deadLettersAndTheChangeLogArePrunedPastTheirRetention() {
        Db db = new Db(pool);
        long now = System.currentTimeMillis();
        String sender = "maint-" + run;
        for (long age : new long[] {31, 1}) {
            db.execute("INSERT INTO dead_letter (reason, detail, topic, source, sender_id, received_at, payload, "
                    + "payload_size) VALUES ('bad_json', 'test', 't', 'telemetry', '" + sender + "', "
                    + (now - age * DAY_MS) + ", '\\x00'::bytea, 1)");
        }
        UUID event = UUID.randomUUID();
        for (long age : new long[] {8, 6}) {
            db.execute("INSERT INTO event_change (event_id, cell, cell_path, type, at, body) VALUES ('" + event
                    + "', '440305001002005', ARRAY['440305'], 'event.updated', " + (now - age * DAY_MS) + ", '{}')");
        }

        assertThat(maintainer.maintain()).isZero();

        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1", sender)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1 AND received_at > $2", sender,
                now - 2 * DAY_MS)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM event_change WHERE event_id = $1", event)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM event_change WHERE event_id = $1 AND at > $2", event,
                now - 7 * DAY_MS)).isEqualTo(1);
    }

    private static DailyPartitions.Day dayFromToday(int days) {
        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(days);
        long from = date.toEpochDay() * DAY_MS;
        return new DailyPartitions.Day(date, from, from + DAY_MS);
    }

    private static void detachAndDrop(Db db, String partition) {
        if (db.count("SELECT count(*) FROM pg_class WHERE relname = $1", partition) > 0) {
            db.execute("DROP TABLE " + partition);
        }
    }

    private static boolean isPartitionOf(Db db, String partition, String table) {
        return db.count("""
                SELECT count(*) FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = $1 AND c.relname = $2""", table, partition) == 1;
    }
}
