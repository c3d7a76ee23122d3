package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.EventRaising;
import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.ingest.BatchStore.StoredCounts;
import city.gridcommand.ingest.PendingItem;
import city.gridcommand.locate.Placement;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's side of message identity, batch by batch against a real PostgreSQL: a redelivery (the
 * same bytes under a stored key) is a duplicate, another payload under a stored key a conflicting
 * duplicate that is dead-lettered and never stored twice, within one batch and across batches, in the
 * single-statement path (tried as all new first) and in the transaction that raises events.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class PgBatchStoreIdentityTest {

    @Inject
    Pool pool;

    @Inject
    EventRaising raising;

    private PgBatchStore store;
    private Db db;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final long ts = System.currentTimeMillis();

    @BeforeEach
    void setUp() {
        store = new PgBatchStore(pool, raising, changes -> { });
        db = new Db(pool);
    }

    private StoredCounts write(PendingItem... items) throws Exception {
        return store.write(List.of(items)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static PendingItem reading(String sensor, long seq, long ts, double temp, String payload) {
        Telemetry reading = new Telemetry(sensor, seq, ts, Map.of("temp", temp), null, ts);
        return PendingItem.accepted(reading, Placement.UNPLACED, List.of(), bytes(payload), () -> { });
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    /** What the dead letter's detail names: the first 16 hex digits of the payload's SHA-256. */
    private static String sha256(String payload) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(payload));
        return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
    }

    @Test
    void aRedeliveryIsADuplicateAndAnotherPayloadUnderTheSameKeyIsDeadLetteredInOneBatchAndAcrossBatches()
            throws Exception {
        String sensor = "conf-" + run;
        String first = "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"temp\":20}}";
        String other = "{\"ts\":" + ts + ",\"seq\":1,\"metrics\":{\"temp\":21}}";
        String second = "{\"ts\":" + ts + ",\"seq\":2,\"metrics\":{\"temp\":20}}";

        StoredCounts once = write(reading(sensor, 1, ts, 20, first), reading(sensor, 1, ts, 20, first),
                reading(sensor, 1, ts, 21, other), reading(sensor, 2, ts, 20, second));
        StoredCounts again = write(reading(sensor, 1, ts, 21, other), reading(sensor, 2, ts, 20, second));

        assertThat(once.newOf(SignalSource.TELEMETRY)).isEqualTo(2);
        assertThat(once.conflictsOf(SignalSource.TELEMETRY)).as("the redelivery within the batch is no conflict")
                .isEqualTo(1);
        assertThat(again.newOf(SignalSource.TELEMETRY)).isZero();
        assertThat(again.conflictsOf(SignalSource.TELEMETRY)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", sensor)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1 AND seq = 1 "
                + "AND (metrics->>'temp')::float8 = 20", sensor)).as("the first one stored is kept").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1 AND reason = 'conflicting_duplicate'"
                + " AND payload = convert_to($2, 'UTF8') AND topic = $3", sensor, other,
                "grid/v1/sensors/" + sensor + "/telemetry")).isEqualTo(2);
        assertThat(db.text("SELECT detail FROM dead_letter WHERE sender_id = $1 ORDER BY id LIMIT 1", sensor))
                .contains("(device_id, ts, seq) = (" + sensor + ", " + ts + ", 1)")
                .contains("stored " + sha256(first)).contains("this one " + sha256(other));
    }

    @Test
    void aBatchWrittenAloneIsTriedAsAllNewAndAfterARedeliveryTheNextBatchesSkipStoredRowsStraightAway()
            throws Exception {
        String sensor = "fresh-" + run;
        String[] payloads = new String[5];
        for (int seq = 1; seq <= 4; seq++) {
            payloads[seq] = "{\"ts\":" + ts + ",\"seq\":" + seq + ",\"metrics\":{\"temp\":20}}";
        }

        StoredCounts first = write(reading(sensor, 1, ts, 20, payloads[1]), reading(sensor, 2, ts, 20, payloads[2]));
        boolean carefulAfterNewRows = store.expectsDuplicates();
        StoredCounts redelivered = write(reading(sensor, 2, ts, 20, payloads[2]),
                reading(sensor, 3, ts, 20, payloads[3]));
        boolean carefulAfterRedelivery = store.expectsDuplicates();
        StoredCounts next = write(reading(sensor, 4, ts, 20, payloads[4]));

        assertThat(first.newOf(SignalSource.TELEMETRY)).isEqualTo(2);
        assertThat(carefulAfterNewRows).as("rows all new: the next batch is tried as all new too").isFalse();
        assertThat(redelivered.newOf(SignalSource.TELEMETRY)).as("the redelivery fails the all-new insert, "
                + "and the batch is inserted again skipping it").isEqualTo(1);
        assertThat(redelivered.conflictsOf(SignalSource.TELEMETRY)).isZero();
        assertThat(carefulAfterRedelivery).isTrue();
        assertThat(next.newOf(SignalSource.TELEMETRY)).isEqualTo(1);
        assertThat(store.expectsDuplicates()).as("careful for %d batches", FreshFirstInsert.CAREFUL_BATCHES).isTrue();
        assertThat(db.count("SELECT count(*) FROM telemetry WHERE device_id = $1", sensor)).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM dead_letter WHERE sender_id = $1", sensor)).isZero();
    }

    @Test
    void onlyTheSignalStoredRaisesItsEventAndItsConflictingTwinAddsNothing() throws Exception {
        String camera = "twin-" + run;
        String cell = "440399" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String fire = "{\"ts\":" + ts + ",\"seq\":5,\"kind\":\"fire\",\"confidence\":0.95}";
        String smoke = "{\"ts\":" + ts + ",\"seq\":5,\"kind\":\"smoke\",\"confidence\":0.91}";

        StoredCounts counts = write(detection(camera, cell, "fire", fire), detection(camera, cell, "smoke", smoke));

        assertThat(counts.newOf(SignalSource.DETECTION)).isEqualTo(1);
        assertThat(counts.conflictsOf(SignalSource.DETECTION)).isEqualTo(1);
        assertThat(db.text("SELECT kind FROM detection WHERE camera_id = $1", camera)).isEqualTo("fire");
        assertThat(db.count("SELECT signals FROM event WHERE cell = $1", cell)).isEqualTo(1);
        assertThat(db.text("SELECT detail FROM dead_letter WHERE sender_id = $1 AND reason = 'conflicting_duplicate'",
                camera)).contains("stored " + sha256(fire)).contains("this one " + sha256(smoke));
    }

    private PendingItem detection(String camera, String cell, String kind, String payload) {
        Detection detection = new Detection(camera, 5, ts, kind, true, 0.95, null, null, ts);
        List<String> path = List.of(cell.substring(0, 6), cell.substring(0, 9), cell.substring(0, 12), cell);
        EventTrigger trigger = new EventTrigger("camera-fire", "fire", Severity.YELLOW, "dept-fire", cell, path,
                TriggerSource.of(detection), ts);
        Placement placement = Placement.at(new CellLocation(cell, path, List.of(), List.of()));
        return PendingItem.accepted(detection, placement, List.of(trigger), bytes(payload), () -> { });
    }
}
