package city.gridcommand.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridcommand.audit.AuditEntry;
import city.gridcommand.audit.AuditLog;
import city.gridcommand.audit.AuditQuery;
import city.gridcommand.store.Await;
import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail against the real database, through the {@link AuditLog} bean (the REST door is tested
 * over HTTP with sign-in): entries recorded and read back newest first, paged and filtered, and the table
 * refusing every UPDATE, DELETE and TRUNCATE. Each run uses its own actor and cells, so runs against a
 * shared database (whose audit rows can never be removed) do not see each other's entries.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class AuditLogTest {

    private static final long T0 = Instant.parse("2026-03-01T08:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    @Inject
    AuditLog audit;

    @Inject
    Pool pool;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String admin = "admin-" + run;
    private final String dispatcher = "disp-" + run;
    /** The run's own cell codes: a "district" and two cells under it, and one elsewhere. */
    private final String district = "9" + run;
    private final String cellA = district + "001";
    private final String cellB = district + "002";
    private final String elsewhere = "8" + run + "001";

    private AuditEntry entry(String actor, long at, String action, String target, String cell) {
        return new AuditEntry(null, at, actor, List.of("admin"), "10.0.0.7", action, target, cell, Map.of());
    }

    private List<AuditEntry> page(AuditQuery query) {
        return Await.result(audit.page(query));
    }

    private List<AuditEntry> byActor(String actor, int limit) {
        return page(new AuditQuery(actor, null, null, null, null, null, null, limit));
    }

    /** Records in this order, one minute apart from T0, so ids and times grow together. */
    private void recordSix() {
        Await.result(audit.record(entry(admin, T0, AuditEntry.GRID_IMPORT, "17", null)));
        Await.result(audit.record(entry(admin, T0 + MINUTE, AuditEntry.DEVICE_PUT, "smk-" + run, cellA)));
        Await.result(audit.record(entry(dispatcher, T0 + 2 * MINUTE, AuditEntry.CASE_TRANSITION, "ev-" + run,
                cellB)));
        Await.result(audit.record(entry(admin, T0 + 3 * MINUTE, AuditEntry.DEVICE_DELETE, "smk-" + run, cellA)));
        Await.result(audit.record(entry(admin, T0 + 4 * MINUTE, AuditEntry.WORKER_PUT, "w-" + run, elsewhere)));
        Await.result(audit.record(entry(admin, T0 + 5 * MINUTE, AuditEntry.RULES_REPLACE, null, null)));
    }

    @Test
    void recordsEntriesAndReadsThemBackNewestFirstPagedAndFiltered() {
        recordSix();

        List<AuditEntry> mine = byActor(admin, 100);
        assertThat(mine).extracting(AuditEntry::action).containsExactly(AuditEntry.RULES_REPLACE,
                AuditEntry.WORKER_PUT, AuditEntry.DEVICE_DELETE, AuditEntry.DEVICE_PUT, AuditEntry.GRID_IMPORT);
        assertThat(mine).extracting(AuditEntry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        AuditEntry put = mine.get(3);
        assertThat(put.at()).isEqualTo(T0 + MINUTE);
        assertThat(put.actor()).isEqualTo(admin);
        assertThat(put.roles()).containsExactly("admin");
        assertThat(put.address()).isEqualTo("10.0.0.7");
        assertThat(put.target()).isEqualTo("smk-" + run);
        assertThat(put.cell()).isEqualTo(cellA);
        assertThat(put.detail()).isEmpty();

        // pages of two by the before cursor, as GET /api/v1/audit does
        List<AuditEntry> first = byActor(admin, 2);
        List<AuditEntry> second = page(new AuditQuery(admin, null, null, null, null, null,
                first.get(1).id(), 2));
        List<AuditEntry> third = page(new AuditQuery(admin, null, null, null, null, null,
                second.get(1).id(), 2));
        assertThat(first).containsExactlyElementsOf(mine.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(mine.subList(2, 4));
        assertThat(third).containsExactlyElementsOf(mine.subList(4, 5));

        assertThat(page(new AuditQuery(admin, AuditEntry.DEVICE_PUT, null, null, null, null, null, 100)))
                .containsExactly(put);
        assertThat(page(new AuditQuery(null, null, "smk-" + run, null, null, null, null, 100)))
                .extracting(AuditEntry::action).containsExactly(AuditEntry.DEVICE_DELETE, AuditEntry.DEVICE_PUT);
        // a cell and everything under it, whoever acted
        assertThat(page(new AuditQuery(null, null, null, district, null, null, null, 100)))
                .extracting(AuditEntry::action)
                .containsExactly(AuditEntry.DEVICE_DELETE, AuditEntry.CASE_TRANSITION, AuditEntry.DEVICE_PUT);
        assertThat(page(new AuditQuery(null, null, null, cellB, null, null, null, 100)))
                .extracting(AuditEntry::actor).containsExactly(dispatcher);
        // from inclusive, to exclusive, on at
        assertThat(page(new AuditQuery(admin, null, null, null, T0 + MINUTE, T0 + 4 * MINUTE, null, 100)))
                .extracting(AuditEntry::action).containsExactly(AuditEntry.DEVICE_DELETE, AuditEntry.DEVICE_PUT);
        // filters combine
        assertThat(page(new AuditQuery(admin, AuditEntry.DEVICE_DELETE, "smk-" + run, district, T0, T0 + 10 * MINUTE,
                null, 100))).extracting(AuditEntry::at).containsExactly(T0 + 3 * MINUTE);
        assertThat(page(new AuditQuery(dispatcher, AuditEntry.DEVICE_PUT, null, null, null, null, null, 100)))
                .isEmpty();

        assertThat(Await.result(audit.find(put.id()))).contains(put);
        assertThat(Await.result(audit.find(-1))).isEmpty();
    }

    @Test
    void anEntryWithoutATimeIsStampedByTheDatabaseAndItsDetailComesBackAsJson() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", "REPORTED");
        detail.put("to", "REGISTERED");
        detail.put("note", "a note with a \u0000 in it");
        detail.put("score", 4);
        detail.put("ratio", 0.25);
        detail.put("urgent", true);
        detail.put("unit", null);
        detail.put("attachments", List.of("https://example.org/a.jpg"));
        detail.put("before", Map.of("severity", "GREEN"));
        long before = System.currentTimeMillis();
        Await.result(audit.record(AuditEntry.of(admin, List.of("dispatcher", "admin"), null,
                AuditEntry.CASE_TRANSITION, "ev-" + run, cellA, detail)));
        long after = System.currentTimeMillis();

        AuditEntry stored = byActor(admin, 1).get(0);
        assertThat(stored.id()).isNotNull();
        // the database's clock, which may be another machine's
        assertThat(stored.at()).isBetween(before - MINUTE, after + MINUTE);
        assertThat(stored.roles()).containsExactly("dispatcher", "admin");
        assertThat(stored.address()).isNull();
        Map<String, Object> expected = new HashMap<>(detail);
        expected.put("note", "a note with a \\u0000 in it"); // PostgreSQL cannot hold NUL: shown, not lost
        assertThat(stored.detail()).isEqualTo(expected);
    }

    @Test
    void anEntryIsRefusedWhenItCannotBeStored() {
        assertThatThrownBy(() -> AuditEntry.of(" ", List.of(), null, AuditEntry.AUTH_LOGIN, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> AuditEntry.of(admin, List.of(), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> AuditEntry.of(admin, Arrays.asList("admin", null), null, AuditEntry.AUTH_LOGIN,
                null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roles");
        assertThatThrownBy(() -> AuditEntry.of(admin, List.of(), null, AuditEntry.RULES_REPLACE, null, null,
                Map.of("rules", List.of(Map.of("since", Instant.EPOCH)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail.rules[0].since");
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditEntry.of(admin, null, null, AuditEntry.AUTH_LOGIN, null, null, null))
                .satisfies(e -> {
                    assertThat(e.roles()).isEmpty();
                    assertThat(e.detail()).isEmpty();
                });
    }

    @Test
    void theTableIsAppendOnlyWhoeverAsks() {
        recordSix();
        Db db = new Db(pool);
        long rows = db.count("SELECT count(*) FROM audit_entry WHERE actor = $1", admin);
        long all = db.count("SELECT count(*) FROM audit_entry");
        assertThat(rows).isEqualTo(5);

        assertThatThrownBy(() -> db.execute("UPDATE audit_entry SET actor = 'someone-else' WHERE actor = '"
                + admin + "'")).hasMessageContaining("audit_entry is append-only");
        assertThatThrownBy(() -> db.execute("DELETE FROM audit_entry WHERE actor = '" + admin + "'"))
                .hasMessageContaining("audit_entry is append-only");
        assertThatThrownBy(() -> db.execute("TRUNCATE audit_entry")).hasMessageContaining("audit_entry is append-only");

        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE actor = $1", admin)).isEqualTo(rows);
        assertThat(db.count("SELECT count(*) FROM audit_entry")).isGreaterThanOrEqualTo(all);
        assertThat(byActor(admin, 100)).extracting(AuditEntry::at).containsExactly(T0 + 5 * MINUTE,
                T0 + 4 * MINUTE, T0 + 3 * MINUTE, T0 + MINUTE, T0);
    }

    @Test
    void ofConcurrentUseOnceClaimsOfOneTargetExactlyOneIsStored() {
        String ticket = "ticket-" + run;
        List<java.util.concurrent.CompletableFuture<Boolean>> claims = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            claims.add(audit.recordOnce(AuditEntry.of("screen-" + i, List.of("screen"), null, AuditEntry.LIVE_REDEEM,
                    ticket, "440305", Map.of())).toCompletableFuture());
        }
        assertThat(claims.stream().filter(java.util.concurrent.CompletableFuture::join).count()).isEqualTo(1);
        assertThat(page(new AuditQuery(null, AuditEntry.LIVE_REDEEM, ticket, null, null, null, null, 100))).hasSize(1);
        assertThat(Await.result(audit.recordOnce(AuditEntry.of("screen-late", List.of("screen"), null,
                AuditEntry.LIVE_REDEEM, ticket, "440305", Map.of())))).isFalse();
    }
}
