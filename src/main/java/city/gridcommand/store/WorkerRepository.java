package city.gridcommand.store;

import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Grid workers, cell leaders and supervisors in the {@code worker} table, paged by id. */
@ApplicationScoped
public class WorkerRepository {

    private static final String COLUMNS = "id, name, role, cells, department, phone, gateway_id";
    private static final String UPSERT = """
            INSERT INTO worker (id, name, role, cells, department, phone, registered_at, auto, gateway_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, cells = EXCLUDED.cells,
                department = EXCLUDED.department, phone = EXCLUDED.phone,
                gateway_id = EXCLUDED.gateway_id, auto = false""";

    /**
     * Worker {@code w} has an assigned cell under one of the codes {@code $6}, or is counted in one: their
     * latest stored entering or leaving of a cell (an entering first on a tie) entered a cell under them.
     */
    private static final String WITHIN = """
            (EXISTS (SELECT 1 FROM unnest(w.cells) a(cell), unnest($6::text[]) s(code) WHERE starts_with(a.cell, s.code))
             OR EXISTS (SELECT 1 FROM unnest($6::text[]) s(code) WHERE starts_with(
                 (SELECT CASE WHEN c.change = 'entered' THEN c.cell END FROM worker_cell_change c
                  WHERE c.worker_id = w.id AND c.change IN ('entered', 'left')
                  ORDER BY c.ts DESC, c.change = 'entered' DESC LIMIT 1), s.code)))""";

    private final Pool pool;

    WorkerRepository(Pool pool) {
        this.pool = pool;
    }

    /** Null when there is no such worker. */
    public CompletionStage<Worker> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM worker WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? worker(rows.iterator().next()) : null).toCompletionStage();
    }

    /**
     * Workers with ids after {@code after}, optionally of one role, department, or assigned to one cell,
     * and, when {@code within} is not null, only those with an assigned cell under one of its codes or whose
     * last stored cell change (within the retention of signals) entered a cell under one of them. Each code
     * stands for that cell and everything under it (codes nest by prefix); an empty list finds none.
     */
    public CompletionStage<Page<Worker>> page(WorkerRole role, String department, String cell, String after,
            int limit, Collection<String> within) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM worker w WHERE ($1::text IS NULL OR role = $1) "
                        + "AND ($2::text IS NULL OR department = $2) AND ($3::text IS NULL OR $3 = ANY (cells)) "
                        + "AND ($4::text IS NULL OR id > $4) AND ($6::text[] IS NULL OR " + WITHIN + ") "
                        + "ORDER BY id LIMIT $5")
                .execute(Tuple.of(role == null ? null : role.wireName(), department, cell, after, limit + 1,
                        within == null ? null : within.toArray(String[]::new)))
                .map(rows -> {
                    List<Worker> workers = new ArrayList<>();
                    rows.forEach(row -> workers.add(worker(row)));
                    return Page.of(workers, limit, Worker::id);
                }).toCompletionStage();
    }

    /** The workers whose terminals are registered behind {@code gatewayId}, by id (the partial index worker_gateway). */
    public CompletionStage<List<Worker>> behind(String gatewayId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM worker WHERE gateway_id = $1 AND gateway_id IS NOT NULL "
                        + "ORDER BY id").execute(Tuple.of(gatewayId))
                .map(rows -> {
                    List<Worker> workers = new ArrayList<>();
                    rows.forEach(row -> workers.add(worker(row)));
                    return workers;
                }).toCompletionStage();
    }

    /** Creates or replaces the worker; true when they were new. */
    public CompletionStage<Boolean> save(Worker w) {
        return pool.preparedQuery(UPSERT + " RETURNING (xmax = 0) AS created").execute(row(w))
                .map(rows -> rows.iterator().next().getBoolean("created")).toCompletionStage();
    }

    /** Saves many workers in one pipelined batch (the demo city), replacing existing ones. */
    public CompletionStage<Void> saveAll(List<Worker> workers) {
        if (workers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return pool.preparedQuery(UPSERT).executeBatch(workers.stream().map(WorkerRepository::row).toList())
                .<Void>mapEmpty().toCompletionStage();
    }

    /** True when a worker was removed. */
    public CompletionStage<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM worker WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0).toCompletionStage();
    }

    private static Tuple row(Worker w) {
        return Tuple.from(new Object[] {w.id(), w.name(), w.role().wireName(), w.cells().toArray(String[]::new),
                w.department(), w.phone(), System.currentTimeMillis(), w.gateway()});
    }

    private static Worker worker(Row row) {
        return new Worker(row.getString("id"), row.getString("name"), WorkerRole.fromWire(row.getString("role")),
                List.of(row.getArrayOfStrings("cells")), row.getString("department"), row.getString("phone"),
                row.getString("gateway_id"));
    }
}
